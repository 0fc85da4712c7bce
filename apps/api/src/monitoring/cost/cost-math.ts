/** Money here is BigInt nano-dollars (billing/money.ts); divisions round down. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The trailing window of both the forecast and the anomaly baseline. */
export const TRAILING_MS = 7 * DAY_MS;
/** The forecast never extrapolates from less than this, so a brand-new org's first minutes do not explode it. */
export const MIN_TRAILING_MS = HOUR_MS;

/**
 * Start of the forecast's trailing window: 7 days back, but not before the org existed, and never
 * less than an hour before `now`.
 */
export function trailingStart(now: Date, orgCreatedAt: Date): Date {
  const sevenDaysBack = now.getTime() - TRAILING_MS;
  const latest = now.getTime() - MIN_TRAILING_MS;
  return new Date(Math.min(Math.max(sevenDaysBack, orgCreatedAt.getTime()), latest));
}

/**
 * Month-end forecast: month-to-date spend plus the trailing window's spend rate carried over the
 * time left in the month: mtd + trailingSpend x msLeft / trailingMs.
 */
export function forecastMonth(monthToDate: bigint, trailingSpend: bigint, trailingMs: number, msLeft: number): bigint {
  if (trailingMs <= 0 || msLeft <= 0) return monthToDate;
  return monthToDate + (trailingSpend * BigInt(Math.round(msLeft))) / BigInt(Math.round(trailingMs));
}

/** Average spend per `unitMs` over a window of `windowMs`. */
export function averagePer(spend: bigint, windowMs: number, unitMs: number): bigint {
  return windowMs <= 0 ? 0n : (spend * BigInt(unitMs)) / BigInt(Math.round(windowMs));
}

export interface AnomalyThresholds {
  /** Basis points: 30000 = 3x the baseline. */
  multiplierBp: number;
  minSpendNano: bigint;
}

/** Hours in the anomaly baseline: the 7 days before the last hour. */
export const BASELINE_HOURS = 168;

/**
 * The last hour is anomalous when its spend is at least the minimum and strictly above multiplier x
 * the baseline's hourly average. Compared without dividing: spend x 10000 x 168 > baseline x bp.
 * An org with no spend in the baseline is anomalous as soon as it spends the minimum.
 */
export function isAnomalous(lastHour: bigint, baselineTotal: bigint, t: AnomalyThresholds): boolean {
  if (lastHour < t.minSpendNano || lastHour === 0n) return false;
  return lastHour * 10_000n * BigInt(BASELINE_HOURS) > baselineTotal * BigInt(t.multiplierBp);
}

/** spend / hourly baseline for display; null when the baseline is zero. */
export function anomalyRatio(lastHour: bigint, baselineTotal: bigint): number | null {
  if (baselineTotal === 0n) return null;
  return Number((lastHour * BigInt(BASELINE_HOURS) * 1000n) / baselineTotal) / 1000;
}
