/** Which table answers which part of a report's time range; pure, all in UTC. */

export type UsageSource = 'raw' | 'hourly' | 'daily';

export interface RangeSegment {
  source: UsageSource;
  from: Date;
  to: Date;
}

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

const floorTo = (t: number, unit: number) => Math.floor(t / unit) * unit;
const ceilTo = (t: number, unit: number) => Math.ceil(t / unit) * unit;

/**
 * Splits [from, to) so that whole UTC days come from the daily rollups (whole hours instead when
 * `finest` is 'hour', as an hourly grouping needs), whole hours from the hourly rollups, and only the
 * partial hours at either end from the per-request rows. The sum over the segments equals the sum
 * over the rows, and stays available after the rows' retention (but for those partial hours).
 */
export function rangeSegments(from: Date, to: Date, finest: 'hour' | 'day'): RangeSegment[] {
  const [start, end] = [from.getTime(), to.getTime()];
  if (start >= end) return [];
  const [hourStart, hourEnd] = [ceilTo(start, HOUR_MS), floorTo(end, HOUR_MS)];
  if (hourStart >= hourEnd) return [{ source: 'raw', from, to }];
  const segments: [UsageSource, number, number][] = [['raw', start, hourStart]];
  const [dayStart, dayEnd] = [ceilTo(hourStart, DAY_MS), floorTo(hourEnd, DAY_MS)];
  if (finest === 'day' && dayStart < dayEnd) {
    segments.push(['hourly', hourStart, dayStart], ['daily', dayStart, dayEnd], ['hourly', dayEnd, hourEnd]);
  } else {
    segments.push(['hourly', hourStart, hourEnd]);
  }
  segments.push(['raw', hourEnd, end]);
  return segments.filter(([, a, b]) => a < b).map(([source, a, b]) => ({ source, from: new Date(a), to: new Date(b) }));
}
