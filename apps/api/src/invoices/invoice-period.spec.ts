import { describe, expect, it } from 'vitest';
import { closablePeriods, monthContaining, parsePeriod } from './invoice-period';

const iso = (p: { start: Date; end: Date } | null) => p && [p.start.toISOString(), p.end.toISOString()];

describe('invoice periods (UTC calendar months)', () => {
  it('names the month containing an instant, across the year end', () => {
    expect(iso(monthContaining(new Date('2026-12-31T23:59:59.999Z')))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(monthContaining(new Date('2024-02-29T12:00:00Z')))).toEqual(['2024-02-01T00:00:00.000Z', '2024-03-01T00:00:00.000Z']);
  });

  it('parses a month, a date or a date-time with offset (taken in UTC)', () => {
    expect(iso(parsePeriod('2026-04'))).toEqual(['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    expect(iso(parsePeriod('2026-04-17'))).toEqual(['2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    expect(iso(parsePeriod('2026-04-30T22:00:00-05:00'))).toEqual(['2026-05-01T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
    expect(parsePeriod('not a date')).toBeNull();
  });

  it('offers only months that ended at least the grace period ago, oldest first', () => {
    const hour = 3_600_000;
    const justAfter = closablePeriods(new Date('2026-03-01T00:30:00Z'), hour, 2).map((p) => p.start.toISOString());
    expect(justAfter).toEqual(['2025-12-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z']);
    const later = closablePeriods(new Date('2026-03-01T01:30:00Z'), hour, 2).map((p) => p.start.toISOString());
    expect(later).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });
});
