import { describe, expect, it } from 'vitest';
import { windowOf } from './quota-windows';

const at = (iso: string) => Date.parse(iso);
const iso = (w: { start: number; end: number }) => [new Date(w.start).toISOString(), new Date(w.end).toISOString()];

describe('windowOf', () => {
  it('aligns minutes, hours and days to UTC boundaries', () => {
    expect(iso(windowOf('minute', at('2026-03-04T05:06:07.890Z')))).toEqual(['2026-03-04T05:06:00.000Z', '2026-03-04T05:07:00.000Z']);
    expect(iso(windowOf('hour', at('2026-03-04T05:06:07.890Z')))).toEqual(['2026-03-04T05:00:00.000Z', '2026-03-04T06:00:00.000Z']);
    expect(iso(windowOf('day', at('2026-03-04T23:59:59.999Z')))).toEqual(['2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z']);
  });

  it('starts weeks on Monday, also from a Sunday', () => {
    expect(iso(windowOf('week', at('2026-11-22T12:00:00Z')))).toEqual(['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z']);
    expect(iso(windowOf('week', at('2026-11-23T00:00:00Z')))).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
  });

  it('gives months their own length, across a year end and a leap February', () => {
    expect(iso(windowOf('month', at('2026-12-31T23:59:59Z')))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(windowOf('month', at('2028-02-29T10:00:00Z')))).toEqual(['2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z']);
  });
});
