import { useState } from 'react';

export const PAGE_SIZES = [25, 50, 100] as const;

/**
 * Pages of a newest-first list paged by cursor: the stack holds the cursor of every page opened, so
 * "Newer" goes back without the API paging backwards. Changing the size or a filter starts over.
 */
export function useCursorPages(initialLimit = 25) {
  const [limit, setLimitState] = useState(initialLimit);
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    limit,
    cursor: cursors.at(-1) ?? null,
    page: cursors.length + 1,
    setLimit(next: number) {
      setLimitState(next);
      setCursors([]);
    },
    older: (cursor: string) => setCursors((c) => [...c, cursor]),
    newer: () => setCursors((c) => c.slice(0, -1)),
    reset: () => setCursors([]),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

interface CursorPagerProps {
  pages: CursorPages;
  /** Names the navigation landmark: "Audit log pages". */
  label: string;
  /** The cursor of the next (older) page; null on the last page or while it is unknown. */
  next: string | null;
}

export function CursorPager({ pages, label, next }: CursorPagerProps) {
  return (
    <nav className="pagination" aria-label={label}>
      <label className="inline muted">
        Rows
        <select className="select" value={pages.limit} onChange={(e) => pages.setLimit(Number(e.target.value))}>
          {PAGE_SIZES.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </label>
      <div className="pagination-buttons">
        <button type="button" className="button button-secondary button-small" disabled={pages.page === 1} onClick={pages.newer}>
          Newer
        </button>
        <span className="muted">Page {pages.page}</span>
        <button type="button" className="button button-secondary button-small" disabled={next === null} onClick={() => next && pages.older(next)}>
          Older
        </button>
      </div>
    </nav>
  );
}
