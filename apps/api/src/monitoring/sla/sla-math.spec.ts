import { describe, expect, it } from 'vitest';
import {
  availability, bucketOf, bucketValue, errorBudget, formatPercent, outcomeOf, percentToPpm, percentile, percentiles, successRate, targetMet,
} from './sla-math';

function histogramOf(values: number[]): Map<number, number> {
  const h = new Map<number, number>();
  for (const v of values) h.set(bucketOf(v), (h.get(bucketOf(v)) ?? 0) + 1);
  return h;
}

describe('outcomeOf', () => {
  it('blames the provider for 5xx, upstream timeouts and throttling, and nobody for client errors', () => {
    expect([200, 201, 302].map(outcomeOf)).toEqual(['success', 'success', 'success']);
    expect([500, 502, 503, 504, 408, 429].map(outcomeOf)).toEqual(Array(6).fill('provider_failure'));
    expect([400, 401, 403, 404, 413, 422, 499].map(outcomeOf)).toEqual(Array(7).fill('client_error'));
  });
});

describe('latency buckets and percentiles', () => {
  it('keeps small values exact and large ones within 1%', () => {
    for (const v of [0, 1, 2, 5, 17, 30]) expect(bucketValue(bucketOf(v))).toBe(v);
    for (const v of [120, 999, 4_321, 60_000, 599_999]) expect(Math.abs(bucketValue(bucketOf(v)) - v) / v).toBeLessThanOrEqual(0.01);
  });

  it('takes the nearest rank: p50 of 1..100 is 50, p95 is 95, p99 is 99 (within a bucket)', () => {
    const h = histogramOf(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(Math.abs(percentile(h, 0.5)! - 50)).toBeLessThanOrEqual(1);
    expect(Math.abs(percentile(h, 0.95)! - 95)).toBeLessThanOrEqual(1);
    expect(Math.abs(percentile(h, 0.99)! - 99)).toBeLessThanOrEqual(1);
  });

  it('finds a slow tail: 98 fast requests and 2 slow ones put p99 in the tail, p95 not', () => {
    const h = histogramOf([...Array(98).fill(20), 3_000, 3_100]);
    expect(percentiles(h)).toEqual({ p50: 20, p95: 20, p99: bucketValue(bucketOf(3_000)) });
  });

  it('merges histograms by adding counts, as rollups would', () => {
    const a = histogramOf([10, 20, 30]);
    const b = histogramOf([40, 50]);
    const merged = new Map(a);
    for (const [k, n] of b) merged.set(k, (merged.get(k) ?? 0) + n);
    expect(percentile(merged, 0.5)).toBe(30);
  });

  it('has no percentile without values', () => {
    expect(percentiles(new Map())).toEqual({ p50: null, p95: null, p99: null });
  });
});

describe('error budget', () => {
  it('allows floor(eligible x (1 - target)) failures and reports what is left', () => {
    expect(errorBudget(10_000, 3, 999_000)).toEqual({ allowedFailures: 10, actualFailures: 3, remaining: 7, remainingRatio: 0.7 });
    expect(errorBudget(10_000, 25, 999_000)).toEqual({ allowedFailures: 10, actualFailures: 25, remaining: -15, remainingRatio: -1.5 });
  });

  it('allows nothing below one whole failure', () => {
    expect(errorBudget(999, 0, 999_000)).toEqual({ allowedFailures: 0, actualFailures: 0, remaining: 0, remainingRatio: null });
    expect(errorBudget(1000, 1, 999_000).remaining).toBe(0);
  });

  it('compares the success rate to the target exactly, without floating point', () => {
    expect(targetMet(999, 1, 999_000)).toBe(true);
    expect(targetMet(998, 1, 999_000)).toBe(false);
    expect(targetMet(0, 0, 999_000)).toBeNull();
    expect(successRate(9, 1)).toBe(0.9);
    expect(successRate(0, 0)).toBeNull();
  });

  it('reads and writes targets in parts per million', () => {
    expect(percentToPpm(99.9)).toBe(999_000);
    expect(percentToPpm(99.95)).toBe(999_500);
    expect(formatPercent(999_000)).toBe('99.9');
    expect(formatPercent(999_999)).toBe('99.9999');
  });
});

describe('availability', () => {
  it('is the share of slices that were not bad; an idle window is fully available', () => {
    expect(availability(3, 12)).toBe(0.75);
    expect(availability(0, 0)).toBe(1);
  });
});
