/** One model's usage in a period as the database sums it (bigints arrive as strings). */
export interface UsageGroup {
  model: string;
  requests: string | number;
  inputTokens: string | number;
  outputTokens: string | number;
  cachedInputTokens: string | number;
  cacheWriteTokens: string | number;
  images: string | number;
  amountNano: string | number;
}

export interface DraftLine {
  position: number;
  model: string;
  requests: bigint;
  inputTokens: bigint;
  outputTokens: bigint;
  cachedInputTokens: bigint;
  cacheWriteTokens: bigint;
  images: bigint;
  amountNano: bigint;
}

export interface InvoiceDraft {
  lines: DraftLine[];
  subtotalNano: bigint;
  discountNano: bigint;
  totalNano: bigint;
}

const COUNTERS = ['requests', 'inputTokens', 'outputTokens', 'cachedInputTokens', 'cacheWriteTokens', 'images', 'amountNano'] as const;

/**
 * Lines and totals of an invoice. One line per model (groups naming the same model are merged),
 * ordered by model name so positions are stable; subtotal = sum of lines (priced before discounts).
 * `creditsNano` (the period's usage discounts plus coupon and refund credits) becomes the discount,
 * capped at the subtotal: an invoice never goes negative, and credit beyond it already sits on the
 * prepaid balance.
 */
export function draftInvoice(groups: UsageGroup[], creditsNano: bigint): InvoiceDraft {
  const byModel = new Map<string, DraftLine>();
  for (const group of groups) {
    const line = byModel.get(group.model) ?? {
      position: 0, model: group.model, requests: 0n, inputTokens: 0n, outputTokens: 0n, cachedInputTokens: 0n, cacheWriteTokens: 0n, images: 0n, amountNano: 0n,
    };
    for (const key of COUNTERS) line[key] += BigInt(group[key]);
    byModel.set(group.model, line);
  }
  const lines = [...byModel.values()]
    .sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0))
    .map((line, i) => ({ ...line, position: i + 1 }));
  const subtotalNano = lines.reduce((sum, line) => sum + line.amountNano, 0n);
  const discountNano = creditsNano <= 0n ? 0n : creditsNano < subtotalNano ? creditsNano : subtotalNano;
  return { lines, subtotalNano, discountNano, totalNano: subtotalNano - discountNano };
}
