const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const number = new Intl.NumberFormat();
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function formatDate(iso: string | null | undefined): string {
  return iso ? date.format(new Date(iso)) : '—';
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : number.format(value);
}

export function formatMs(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value)} ms`;
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** "in 42 s" for a cooldown that ends in the future, else null (the key is ready). */
export function formatCooldown(untilEpochMs: number | null, now = Date.now()): string | null {
  if (untilEpochMs === null || untilEpochMs <= now) return null;
  const seconds = Math.ceil((untilEpochMs - now) / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}

/** A short, recognisable form of an id when no name is available. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Large counts in short form for chart axes: 1.2K, 3.4M. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

const approxDollars = [2, 3].map((digits) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumSignificantDigits: digits }));

/** Charts only: a float of dollars to three significant digits ($0.000293), or two for axis ticks; exact amounts use formatDollars (lib/dollars). */
export function formatDollarsApprox(value: number, short = false): string {
  return approxDollars[short ? 0 : 1]!.format(value);
}
