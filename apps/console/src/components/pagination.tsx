import { useState, type ReactNode } from 'react';
import { paginate, type Page } from '../lib/paginate';

/** Client-side pages over a list the API returns whole. */
export function usePagination<T>(rows: readonly T[], pageSize = 10): Page<T> & { setPage(page: number): void } {
  const [page, setPage] = useState(1);
  return { ...paginate(rows, page, pageSize), setPage };
}

export function Pagination({ page, pageCount, from, to, total, setPage }: Page<unknown> & { setPage(page: number): void }) {
  if (total === 0) return null;
  return (
    <nav className="pagination" aria-label="Pages">
      <span className="muted">
        {from}–{to} of {total}
      </span>
      {pageCount > 1 && (
        <div className="pagination-buttons">
          <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          <button type="button" className="button button-secondary button-small" disabled={page >= pageCount} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </div>
      )}
    </nav>
  );
}

/** A stack of cards a page at a time; the pager shows only when there is more than one page. */
export function PagedStack<T>({ items, pageSize, render }: { items: readonly T[]; pageSize: number; render(item: T): ReactNode }) {
  const page = usePagination(items, pageSize);
  return (
    <div className="stack">
      {page.rows.map(render)}
      {page.pageCount > 1 && (
        <div className="card">
          <Pagination {...page} />
        </div>
      )}
    </div>
  );
}
