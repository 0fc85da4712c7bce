/** A calendar month in UTC: [start, end), end being the first instant of the next month. */
export interface InvoicePeriod {
  start: Date;
  end: Date;
}

/** The UTC calendar month containing `instant`. */
export function monthContaining(instant: Date): InvoicePeriod {
  const start = new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), 1));
  return { start, end: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)) };
}

/**
 * The month named by "2026-04", "2026-04-17" or an ISO date-time (taken in UTC); null if unparseable.
 * Any instant of a month names the whole month, so operators need not compute its first instant.
 */
export function parsePeriod(value: string): InvoicePeriod | null {
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  const instant = month ? new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1)) : new Date(value);
  return Number.isNaN(instant.getTime()) ? null : monthContaining(instant);
}

/**
 * Months the scheduled job may close at `now`, oldest first: those that ended at least `graceMs`
 * ago (a request settling across midnight commits its usage with the old month's timestamp a moment
 * later; the grace lets it land before the month is frozen), going back `lookbackMonths`.
 */
export function closablePeriods(now: Date, graceMs: number, lookbackMonths: number): InvoicePeriod[] {
  const newest = monthContaining(new Date(now.getTime() - graceMs));
  const periods: InvoicePeriod[] = [];
  for (let back = lookbackMonths; back >= 1; back--) {
    periods.push(monthContaining(new Date(Date.UTC(newest.start.getUTCFullYear(), newest.start.getUTCMonth() - back, 1))));
  }
  return periods;
}
