import type { SlaErrorBudget, SlaPercentiles } from '@ai-router/contracts';

/**
 * What a request's final status (the one the client saw) says about the provider:
 * - success: below 400;
 * - provider failure: 5xx, and the two 4xx that mean the upstream could not serve (408 timeout,
 *   429 throttled or every provider key resting);
 * - client error: every other 4xx, including 499 (the client went away first). These are the
 *   caller's doing and are left out of the SLA: neither success nor failure.
 */
export type Outcome = 'success' | 'provider_failure' | 'client_error';

export const PROVIDER_4XX: readonly number[] = [408, 429];

export function outcomeOf(status: number): Outcome {
  if (status < 400) return 'success';
  if (status >= 500 || PROVIDER_4XX.includes(status)) return 'provider_failure';
  return 'client_error';
}

/** The same rule as `outcomeOf`, for SQL over the `status` column (built from the same constant). */
export const PROVIDER_FAILURE_SQL = `(status >= 500 OR status IN (${PROVIDER_4XX.join(', ')}))`;
export const SUCCESS_SQL = '(status < 400)';

/** One million: targets and ratios in parts per million keep error budgets in integers. */
export const PPM = 1_000_000;
export const DEFAULT_TARGET_PPM = 999_000;

/**
 * Availability is time-based: the window is cut into slices of this length and a slice is bad when
 * more than half of its eligible requests failed. Slices without traffic are up (nothing failed).
 */
export const SLICE_MS = 5 * 60_000;

/**
 * Latencies are counted in log buckets so that distributions from any range (and from hourly
 * rollups) can be merged: bucket b holds values in [G^b - 1, G^(b+1) - 1). With G = 1.02 a
 * percentile is off by at most 1% of its value, and values up to ~35 ms are exact.
 */
export const BUCKET_GROWTH = 1.02;
export const BUCKET_SQL = (column: string) => `floor(ln(greatest(${column}, 0) + 1) / ln(${BUCKET_GROWTH}))::int`;

export function bucketOf(ms: number): number {
  return Math.floor(Math.log(Math.max(ms, 0) + 1) / Math.log(BUCKET_GROWTH));
}

/** The value a bucket stands for: the middle of its range, in whole milliseconds. */
export function bucketValue(bucket: number): number {
  const low = BUCKET_GROWTH ** bucket - 1;
  const high = BUCKET_GROWTH ** (bucket + 1) - 1;
  return Math.round((low + high) / 2);
}

export type Histogram = ReadonlyMap<number, number>;

/** Nearest-rank percentile (0 < p <= 1): the bucket holding the ceil(p x n)-th smallest value. */
export function percentile(histogram: Histogram, p: number): number | null {
  let total = 0;
  for (const n of histogram.values()) total += n;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) return bucketValue(bucket);
  }
  return null;
}

export function percentiles(histogram: Histogram): SlaPercentiles {
  return { p50: percentile(histogram, 0.5), p95: percentile(histogram, 0.95), p99: percentile(histogram, 0.99) };
}

/** Requests the target allows to fail, against the failures seen. Integer math throughout. */
export function errorBudget(eligible: number, failures: number, targetPpm: number): SlaErrorBudget {
  const allowedFailures = Math.floor((eligible * (PPM - targetPpm)) / PPM);
  const remaining = allowedFailures - failures;
  return { allowedFailures, actualFailures: failures, remaining, remainingRatio: allowedFailures > 0 ? remaining / allowedFailures : null };
}

export function successRate(successes: number, failures: number): number | null {
  const eligible = successes + failures;
  return eligible === 0 ? null : successes / eligible;
}

/** Whether the success rate meets the target, compared exactly: successes x 1e6 >= target x eligible. */
export function targetMet(successes: number, failures: number, targetPpm: number): boolean | null {
  const eligible = successes + failures;
  return eligible === 0 ? null : successes * PPM >= targetPpm * eligible;
}

export function availability(badSlices: number, totalSlices: number): number {
  return totalSlices === 0 ? 1 : 1 - badSlices / totalSlices;
}

/** "99.9" from 999000: at most four decimals, no trailing zeros. */
export function formatPercent(ppm: number): string {
  return String(Number((ppm / 10_000).toFixed(4)));
}

export function percentToPpm(percent: number): number {
  return Math.round(percent * 10_000);
}
