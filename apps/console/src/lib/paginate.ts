export interface Page<T> {
  rows: T[];
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown; 0 and 0 when there are none. */
  from: number;
  to: number;
  total: number;
}

/** Client-side pagination for lists the API returns whole; an out-of-range page is clamped. */
export function paginate<T>(all: readonly T[], page: number, pageSize: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (current - 1) * pageSize;
  const rows = all.slice(start, start + pageSize);
  return { rows, page: current, pageCount, from: rows.length ? start + 1 : 0, to: start + rows.length, total: all.length };
}
