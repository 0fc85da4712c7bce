import type { QuotaPeriod } from '@ai-router/contracts';

export interface QuotaWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/**
 * The calendar window (UTC) holding `now`: minutes, hours and days start on the boundary, weeks on
 * Monday 00:00, months on the 1st. Calendar windows (rather than sliding ones) give a reset time that
 * can be stated ("resets at ...") and matches how invoices and budgets are read.
 */
export function windowOf(period: QuotaPeriod, now: number): QuotaWindow {
  const d = new Date(now);
  switch (period) {
    case 'minute': {
      const start = now - (now % 60_000);
      return { start, end: start + 60_000 };
    }
    case 'hour': {
      const start = now - (now % 3_600_000);
      return { start, end: start + 3_600_000 };
    }
    case 'day': {
      const start = now - (now % DAY_MS);
      return { start, end: start + DAY_MS };
    }
    case 'week': {
      const dayStart = now - (now % DAY_MS);
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      const start = dayStart - sinceMonday * DAY_MS;
      return { start, end: start + 7 * DAY_MS };
    }
    case 'month':
      return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
  }
}
