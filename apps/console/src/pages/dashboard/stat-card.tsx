import type { UseQueryResult } from '@tanstack/react-query';
import { Link } from '../../router/link';

interface StatCardProps {
  label: string;
  query: UseQueryResult<unknown[]>;
  href: string;
  /** A second line under the number, computed from the rows. */
  detail?: (rows: unknown[]) => string;
}

/** One count of the org's resources, linking to the page that manages them. */
export function StatCard({ label, query, href, detail }: StatCardProps) {
  return (
    <Link className="stat-card" href={href}>
      <span className="stat-label">{label}</span>
      {query.isPending ? (
        <span className="stat-value stat-loading" role="status" aria-label={`Loading ${label}`}>
          <span className="spinner" aria-hidden="true" />
        </span>
      ) : query.isError ? (
        <span className="stat-error">Couldn't load</span>
      ) : (
        <>
          <span className="stat-value" data-stat={label}>
            {query.data.length}
          </span>
          {detail && <span className="stat-detail">{detail(query.data)}</span>}
        </>
      )}
    </Link>
  );
}
