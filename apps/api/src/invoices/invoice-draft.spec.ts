import { describe, expect, it } from 'vitest';
import { draftInvoice, type UsageGroup } from './invoice-draft';

const group = (model: string, amountNano: string, extra: Partial<UsageGroup> = {}): UsageGroup => ({
  model, requests: '1', inputTokens: '100', outputTokens: '10', cachedInputTokens: '0', cacheWriteTokens: '0', images: '0', amountNano, ...extra,
});

describe('draftInvoice (line aggregation)', () => {
  it('makes one line per model, ordered by model name, with positions from 1', () => {
    const draft = draftInvoice([group('zeta', '5'), group('alpha', '7'), group('mid', '11')], 0n);
    expect(draft.lines.map((l) => [l.position, l.model])).toEqual([[1, 'alpha'], [2, 'mid'], [3, 'zeta']]);
  });

  it('merges groups naming the same model, summing every counter exactly', () => {
    const draft = draftInvoice([
      group('m', '9007199254740993', { requests: '2', inputTokens: '3000000000', outputTokens: 5, cachedInputTokens: '7', cacheWriteTokens: '11', images: '13' }),
      group('m', '1', { requests: 3, inputTokens: '1', outputTokens: '1', cachedInputTokens: '1', cacheWriteTokens: '1', images: '1' }),
    ], 0n);
    expect(draft.lines).toEqual([{
      position: 1, model: 'm', requests: 5n, inputTokens: 3_000_000_001n, outputTokens: 6n, cachedInputTokens: 8n, cacheWriteTokens: 12n,
      images: 14n, amountNano: 9_007_199_254_740_994n,
    }]);
  });

  it('totals are the sum of the lines when there is no credit', () => {
    const draft = draftInvoice([group('a', '1500000001'), group('b', '2499999999')], 0n);
    expect(draft).toMatchObject({ subtotalNano: 4_000_000_000n, discountNano: 0n, totalNano: 4_000_000_000n });
  });

  it('turns coupon and refund credits into a discount, capped at the subtotal so the total never goes negative', () => {
    expect(draftInvoice([group('a', '1000')], 300n)).toMatchObject({ subtotalNano: 1000n, discountNano: 300n, totalNano: 700n });
    expect(draftInvoice([group('a', '1000')], 5000n)).toMatchObject({ subtotalNano: 1000n, discountNano: 1000n, totalNano: 0n });
    expect(draftInvoice([group('a', '1000')], -5n)).toMatchObject({ discountNano: 0n, totalNano: 1000n });
  });

  it('has no lines and zero totals without usage', () => {
    expect(draftInvoice([], 0n)).toEqual({ lines: [], subtotalNano: 0n, discountNano: 0n, totalNano: 0n });
  });
});
