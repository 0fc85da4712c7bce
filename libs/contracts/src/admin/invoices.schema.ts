import { z } from 'zod';

/**
 * The month to close: "2026-04", "2026-04-01" or any ISO date-time inside it. The server closes the
 * whole calendar month (UTC) containing it: [first of the month, first of the next month).
 */
export const closeInvoicePeriodSchema = z.strictObject({
  periodStart: z.union([
    z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, e.g. "2026-04"'),
    z.iso.date(),
    z.iso.datetime({ offset: true }),
  ]),
});
export type CloseInvoicePeriod = z.infer<typeof closeInvoicePeriodSchema>;

/** Amounts are dollar strings with 9 decimals (exact nano-dollars), as in the ledger. */
export interface InvoiceSummaryView {
  id: string;
  number: string;
  /** Inclusive. */
  periodStart: string;
  /** Exclusive: the first instant of the next month. */
  periodEnd: string;
  status: 'issued';
  currency: 'USD';
  subtotal: string;
  /** Coupon and refund credits of the period, capped at the subtotal. */
  discount: string;
  total: string;
  issuedAt: string;
}

/** One model's charged requests in the period. */
export interface InvoiceLineView {
  position: number;
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  images: number;
  amount: string;
}

export interface InvoiceView extends InvoiceSummaryView {
  lines: InvoiceLineView[];
}

export interface CloseInvoicePeriodResult {
  periodStart: string;
  periodEnd: string;
  /** False when the month was already invoiced (the existing invoice is returned) or had no activity. */
  created: boolean;
  /** Null when the org had no charges, coupons or refunds in the month: nothing to invoice. */
  invoice: InvoiceView | null;
}
