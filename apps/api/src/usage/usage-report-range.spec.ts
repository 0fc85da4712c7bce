import { describe, expect, it } from 'vitest';
import { rangeSegments } from './usage-report-range';

const at = (iso: string) => new Date(iso);
const show = (from: string, to: string, finest: 'hour' | 'day') =>
  rangeSegments(at(from), at(to), finest).map((s) => `${s.source} ${s.from.toISOString().slice(5, 16)}..${s.to.toISOString().slice(5, 16)}`);

describe('rangeSegments', () => {
  it('reads whole days from daily rollups, whole hours from hourly ones, and partial hours from rows', () => {
    expect(show('2026-03-01T10:30:00Z', '2026-03-04T05:15:00Z', 'day')).toEqual([
      'raw 03-01T10:30..03-01T11:00',
      'hourly 03-01T11:00..03-02T00:00',
      'daily 03-02T00:00..03-04T00:00',
      'hourly 03-04T00:00..03-04T05:00',
      'raw 03-04T05:00..03-04T05:15',
    ]);
  });

  it('uses no daily rollups when the report is grouped by hour', () => {
    expect(show('2026-03-01T10:30:00Z', '2026-03-04T05:15:00Z', 'hour')).toEqual([
      'raw 03-01T10:30..03-01T11:00',
      'hourly 03-01T11:00..03-04T05:00',
      'raw 03-04T05:00..03-04T05:15',
    ]);
  });

  it('covers the range exactly, without gaps or overlaps', () => {
    const segments = rangeSegments(at('2026-01-30T23:59:59.999Z'), at('2026-02-02T00:00:00.001Z'), 'day');
    expect(segments[0]!.from).toEqual(at('2026-01-30T23:59:59.999Z'));
    expect(segments.at(-1)!.to).toEqual(at('2026-02-02T00:00:00.001Z'));
    for (let i = 1; i < segments.length; i++) expect(segments[i]!.from).toEqual(segments[i - 1]!.to);
  });

  it('answers a range inside one hour from rows, aligned ranges from rollups only, and an empty range with nothing', () => {
    expect(show('2026-03-01T10:05:00Z', '2026-03-01T10:55:00Z', 'day')).toEqual(['raw 03-01T10:05..03-01T10:55']);
    expect(show('2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z', 'day')).toEqual(['daily 03-01T00:00..03-03T00:00']);
    expect(show('2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z', 'day')).toEqual([]);
  });
});
