import type { SlaPeriod } from '@ai-router/contracts';
import { monthContaining } from '../../invoices/invoice-period';

export interface Period {
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;

/** The UTC day or month containing `instant`. */
export function periodContaining(period: SlaPeriod, instant: Date): Period {
  if (period === 'monthly') return monthContaining(instant);
  const start = new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/**
 * The closed periods the scheduled job issues at `now`, oldest first: those that ended at least
 * `graceMs` ago (usage rows are written through the queue a moment after the request), going back
 * `lookback` periods. Older periods are not issued retroactively.
 */
export function closedPeriods(period: SlaPeriod, now: Date, graceMs: number, lookback: number): Period[] {
  const current = periodContaining(period, new Date(now.getTime() - graceMs));
  const periods: Period[] = [];
  let end = current.start;
  for (let i = 0; i < lookback; i++) {
    const p = periodContaining(period, new Date(end.getTime() - 1));
    periods.unshift(p);
    end = p.start;
  }
  return periods;
}

/** Whether [start, end) has ended `graceMs` before `now`. */
export function isClosed(p: Period, now: Date, graceMs: number): boolean {
  return p.end.getTime() + graceMs <= now.getTime();
}
