import type { InvoiceLineView, InvoiceSummaryView, InvoiceView } from '@ai-router/contracts';
import { formatDollars } from '../billing/money';
import type { InvoiceLine } from './invoice-line.entity';
import type { Invoice } from './invoice.entity';

const dollars = (nano: string) => formatDollars(BigInt(nano));

export function toSummaryView(i: Invoice): InvoiceSummaryView {
  return {
    id: i.id, number: i.number, periodStart: i.periodStart.toISOString(), periodEnd: i.periodEnd.toISOString(), status: i.status,
    currency: i.currency, subtotal: dollars(i.subtotalNano), discount: dollars(i.discountNano), total: dollars(i.totalNano),
    issuedAt: i.issuedAt.toISOString(),
  };
}

/** Counters become JSON numbers: exact up to 2^53, far beyond a month of any org's usage. */
export function toInvoiceView(i: Invoice, lines: InvoiceLine[]): InvoiceView {
  return {
    ...toSummaryView(i),
    lines: lines.map((l): InvoiceLineView => ({
      position: l.position, model: l.model, requests: Number(l.requests), inputTokens: Number(l.inputTokens),
      outputTokens: Number(l.outputTokens), cachedInputTokens: Number(l.cachedInputTokens), cacheWriteTokens: Number(l.cacheWriteTokens),
      images: Number(l.images), amount: dollars(l.amountNano),
    })),
  };
}
