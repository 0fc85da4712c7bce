import { formatDollars } from '../billing/money';
import type { InvoiceDocument } from './invoice-document';

export const INVOICE_CSV_COLUMNS = [
  'invoice_number', 'period_start', 'period_end', 'kind', 'position', 'model', 'requests', 'input_tokens', 'output_tokens',
  'cached_input_tokens', 'cache_write_tokens', 'images', 'amount_nano', 'amount_usd',
] as const;

/**
 * The invoice as RFC 4180 CSV with exact amounts: one `line` row per model, then `subtotal`,
 * `discount` (negative) and `total` rows, so the amount_nano of lines + discount equals the total.
 */
export function invoiceCsv(doc: InvoiceDocument): string {
  const head = [doc.number, doc.periodStart.toISOString(), doc.periodEnd.toISOString()];
  const money = (nano: bigint) => [nano.toString(), formatDollars(nano)];
  const rows: string[][] = [
    [...INVOICE_CSV_COLUMNS],
    ...doc.lines.map((l) => [
      ...head, 'line', String(l.position), textCell(l.model), String(l.requests), String(l.inputTokens), String(l.outputTokens),
      String(l.cachedInputTokens), String(l.cacheWriteTokens), String(l.images), ...money(l.amountNano),
    ]),
    [...head, 'subtotal', '', '', '', '', '', '', '', '', ...money(doc.subtotalNano)],
    [...head, 'discount', '', 'discounts and credits', '', '', '', '', '', '', ...money(-doc.discountNano)],
    [...head, 'total', '', '', '', '', '', '', '', '', ...money(doc.totalNano)],
  ];
  return rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Free text (model names are chosen by org admins) must not run as a spreadsheet formula. */
function textCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
