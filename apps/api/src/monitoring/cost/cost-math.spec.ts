import { describe, expect, it } from 'vitest';
import { anomalyRatio, averagePer, DAY_MS, forecastMonth, HOUR_MS, isAnomalous, trailingStart } from './cost-math';

const DOLLAR = 1_000_000_000n;

describe('month-end forecast', () => {
  it('adds the trailing spend rate over the time left: $70 in 7 days and 10 days left on $100 is $200', () => {
    expect(forecastMonth(100n * DOLLAR, 70n * DOLLAR, 7 * DAY_MS, 10 * DAY_MS)).toBe(200n * DOLLAR);
  });

  it('rounds down to the nano-dollar and never lowers month-to-date', () => {
    expect(forecastMonth(0n, 10n, 3 * DAY_MS, DAY_MS)).toBe(3n);
    expect(forecastMonth(5n, 10n, DAY_MS, 0)).toBe(5n);
  });

  it('averages per day exactly', () => {
    expect(averagePer(70n * DOLLAR, 7 * DAY_MS, DAY_MS)).toBe(10n * DOLLAR);
    expect(averagePer(1n * DOLLAR, HOUR_MS, DAY_MS)).toBe(24n * DOLLAR);
  });

  it('trails 7 days, not before the org existed, and at least one hour', () => {
    const now = new Date('2026-03-20T12:00:00Z');
    expect(trailingStart(now, new Date('2025-01-01T00:00:00Z'))).toEqual(new Date('2026-03-13T12:00:00Z'));
    expect(trailingStart(now, new Date('2026-03-18T00:00:00Z'))).toEqual(new Date('2026-03-18T00:00:00Z'));
    expect(trailingStart(now, new Date('2026-03-20T11:59:00Z'))).toEqual(new Date('2026-03-20T11:00:00Z'));
  });
});

describe('spend anomaly', () => {
  const t = { multiplierBp: 30_000, minSpendNano: DOLLAR };

  it('flags the last hour above 3x the trailing hourly average', () => {
    const baseline = 168n * DOLLAR; // $1 an hour
    expect(isAnomalous(3n * DOLLAR, baseline, t)).toBe(false);
    expect(isAnomalous(3n * DOLLAR + 1n, baseline, t)).toBe(true);
    expect(anomalyRatio(6n * DOLLAR, baseline)).toBe(6);
  });

  it('ignores amounts under the minimum however steep the rise', () => {
    expect(isAnomalous(DOLLAR - 1n, 0n, t)).toBe(false);
    expect(isAnomalous(DOLLAR, 0n, t)).toBe(true);
    expect(isAnomalous(0n, 0n, { multiplierBp: 30_000, minSpendNano: 0n })).toBe(false);
    expect(anomalyRatio(DOLLAR, 0n)).toBeNull();
  });
});
