import { describe, expect, it } from 'vitest';
import type { DraftLine } from './invoice-draft';
import { formatCents, formatRounded, unitPrice } from './invoice-display';

const line = (l: Partial<DraftLine>): DraftLine => ({
  position: 1, model: 'm', requests: 0n, inputTokens: 0n, outputTokens: 0n, cachedInputTokens: 0n, cacheWriteTokens: 0n, images: 0n, amountNano: 0n, ...l,
});

describe('invoice display amounts', () => {
  it('rounds to cents half away from zero, with grouping', () => {
    expect(formatCents(1_234_565_000_000n)).toBe('1,234.57');
    expect(formatCents(4_999_999n)).toBe('0.00');
    expect(formatCents(5_000_000n)).toBe('0.01');
    expect(formatCents(-5_000_000n)).toBe('-0.01');
    expect(formatCents(0n)).toBe('0.00');
    expect(formatRounded(123_456_789n, 4)).toBe('0.1235');
    expect(formatRounded(2_500_000_000n, 0)).toBe('3');
  });

  it('derives unit prices from amount / quantity where meaningful', () => {
    // 1,000 tokens for $0.0045: $4.50 per million tokens.
    expect(unitPrice(line({ inputTokens: 800n, outputTokens: 200n, requests: 3n, amountNano: 4_500_000n }))).toBe('4.5000 /1M tok');
    expect(unitPrice(line({ images: 4n, requests: 4n, amountNano: 160_000_000n }))).toBe('0.0400 /image');
    expect(unitPrice(line({ requests: 10n, amountNano: 10_000_000n }))).toBe('0.0010 /request');
    expect(unitPrice(line({ requests: 1000n, amountNano: 1_000_000n }))).toBe('0.000001 /request');
    expect(unitPrice(line({}))).toBe('');
  });
});
