import { describe, expect, it } from 'vitest';
import { closedPeriods, isClosed, periodContaining } from './sla-period';

const at = (iso: string) => new Date(iso);

describe('SLA periods', () => {
  it('names the UTC day or month containing an instant', () => {
    expect(periodContaining('daily', at('2026-03-05T23:59:59Z'))).toEqual({ start: at('2026-03-05T00:00:00Z'), end: at('2026-03-06T00:00:00Z') });
    expect(periodContaining('monthly', at('2026-02-17T10:00:00Z'))).toEqual({ start: at('2026-02-01T00:00:00Z'), end: at('2026-03-01T00:00:00Z') });
  });

  it('lists closed periods oldest first, waiting out the grace after the last one ended', () => {
    const days = closedPeriods('daily', at('2026-03-05T00:10:00Z'), 15 * 60_000, 3).map((p) => p.start.toISOString().slice(0, 10));
    expect(days).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    const later = closedPeriods('daily', at('2026-03-05T00:20:00Z'), 15 * 60_000, 3).map((p) => p.start.toISOString().slice(0, 10));
    expect(later).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    const months = closedPeriods('monthly', at('2026-01-02T00:00:00Z'), 15 * 60_000, 2).map((p) => p.start.toISOString().slice(0, 7));
    expect(months).toEqual(['2025-11', '2025-12']);
  });

  it('tells whether a period is closed', () => {
    const day = periodContaining('daily', at('2026-03-04T12:00:00Z'));
    expect(isClosed(day, at('2026-03-05T00:14:59Z'), 15 * 60_000)).toBe(false);
    expect(isClosed(day, at('2026-03-05T00:15:00Z'), 15 * 60_000)).toBe(true);
  });
});
