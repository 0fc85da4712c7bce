import { describe, expect, it } from 'vitest';
import { applyMultiplier, costOf, discountOf, formatDollars, type ModelPrice, parseDollars, worstCaseCost } from './money';

const price: ModelPrice = {
  inputPerMillion: parseDollars('2.50'), outputPerMillion: parseDollars('10'), cachedInputPerMillion: parseDollars('1.25'),
  cacheWritePerMillion: parseDollars('3.125'), perImage: parseDollars('0.04'), perRequest: 0n, outputLimitTokens: 4096,
};
const usage = (input: number, output: number, cached = 0, write = 0) => ({ inputTokens: input, outputTokens: output, cachedInputTokens: cached, cacheWriteTokens: write, reasoningTokens: 0 });

describe('money', () => {
  it('parses and formats dollars exactly', () => {
    expect(parseDollars('12.5')).toBe(12_500_000_000n);
    expect(parseDollars('0.000000001')).toBe(1n);
    expect(formatDollars(12_500_000_001n)).toBe('12.500000001');
    expect(formatDollars(-5n)).toBe('-0.000000005');
    expect(() => parseDollars('1e3')).toThrow();
  });

  it('never rounds one token of a cheap model to zero', () => {
    const cheap = { ...price, inputPerMillion: parseDollars('0.01'), outputPerMillion: 0n };
    expect(costOf(usage(1, 0), cheap, 10_000)).toBe(10n);
  });

  it('prices cached and cache-write tokens apart from plain input', () => {
    // Per token: input 2500 nano, cached 1250, cache write 3125, output 10000.
    expect(costOf(usage(3000, 100, 1000, 1000), price, 10_000)).toBe(2_500_000n + 1_250_000n + 3_125_000n + 1_000_000n);
  });

  it('takes the plan discount, then the coupon on what remains, each rounded down', () => {
    expect(discountOf(1_000n, { planBp: 1_000, couponBp: 2_000 })).toBe(100n + 180n);
    // 10% of 15 is 1.5 -> 1; 20% of the remaining 14 is 2.8 -> 2: the charge (12) stays rounded up.
    expect(discountOf(15n, { planBp: 1_000, couponBp: 2_000 })).toBe(3n);
    expect(discountOf(999n, { planBp: 10_000, couponBp: 5_000 })).toBe(999n);
    expect(discountOf(999n, { planBp: 0, couponBp: 0 })).toBe(0n);
  });

  it('applies the multiplier and rounds up', () => {
    expect(applyMultiplier(3n, 15_000)).toBe(5n);
    expect(costOf(usage(1000, 0), price, 15_000)).toBe(3_750_000n);
  });

  // The prompt at the dearest prompt price (cache writes, 3.125), plus one nano-dollar for each of the
  // two priced components a split prompt may round up separately.
  it('bounds the worst case by max_tokens and the output limit', () => {
    expect(worstCaseCost(1000, 100, 0, price, 10_000)).toBe(3_125_000n + 1_000_000n + 2n);
    expect(worstCaseCost(1000, null, 0, price, 10_000)).toBe(3_125_000n + 40_960_000n + 2n);
    expect(worstCaseCost(1000, 1_000_000, 0, price, 10_000)).toBe(3_125_000n + 40_960_000n + 2n);
  });

  it('covers every choice, and any split of the prompt into plain, cached and cache-write tokens', () => {
    expect(worstCaseCost(1000, 100, 0, price, 10_000, 3)).toBe(3_125_000n + 3n * 1_000_000n + 2n);
    const tiny: ModelPrice = { ...price, inputPerMillion: 1n, cachedInputPerMillion: 1n, cacheWritePerMillion: 1n, outputPerMillion: 0n, perImage: 0n };
    const hold = worstCaseCost(10, 0, 0, tiny, 15_000);
    for (const [cached, write] of [[0, 0], [3, 0], [3, 3], [0, 9]] as const) {
      expect(costOf(usage(10, 0, cached, write), tiny, 15_000)).toBeLessThanOrEqual(hold);
    }
  });
});
