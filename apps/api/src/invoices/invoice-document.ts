import type { DraftLine } from './invoice-draft';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';

/** Everything the PDF and CSV renderers need, with exact BigInt amounts. */
export interface InvoiceDocument {
  number: string;
  orgName: string;
  periodStart: Date;
  /** Exclusive. */
  periodEnd: Date;
  issuedAt: Date;
  currency: string;
  subtotalNano: bigint;
  discountNano: bigint;
  totalNano: bigint;
  lines: DraftLine[];
}

export function toInvoiceDocument(invoice: Invoice, lines: InvoiceLine[], orgName: string): InvoiceDocument {
  return {
    number: invoice.number, orgName, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd, issuedAt: invoice.issuedAt,
    currency: invoice.currency, subtotalNano: BigInt(invoice.subtotalNano), discountNano: BigInt(invoice.discountNano),
    totalNano: BigInt(invoice.totalNano),
    lines: lines.map((l) => ({
      position: l.position, model: l.model, requests: BigInt(l.requests), inputTokens: BigInt(l.inputTokens), outputTokens: BigInt(l.outputTokens),
      cachedInputTokens: BigInt(l.cachedInputTokens), cacheWriteTokens: BigInt(l.cacheWriteTokens), images: BigInt(l.images),
      amountNano: BigInt(l.amountNano),
    })),
  };
}
