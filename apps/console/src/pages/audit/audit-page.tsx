import type { AuditEntryView } from '@ai-router/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { AuditTable } from './audit-table';

const PAGE_SIZES = [25, 50, 100];

/** Newest first, paged by cursor: "Older" asks for entries before the last one shown. */
export function AuditPage({ item }: PageProps) {
  const { orgId } = useOrg();
  const [limit, setLimit] = useState(25);
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors.at(-1) ?? null;
  const entries = useQuery({
    queryKey: orgKeys.audit(orgId, before, limit),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(limit), ...(before && { before }) });
      return api.get<AuditEntryView[]>(orgApi(orgId, `/audit-log?${query}`), { signal });
    },
    placeholderData: keepPreviousData,
  });
  const rows = entries.data ?? [];

  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} />
      <QueryState
        query={entries}
        label="the audit log"
        isEmpty={(list) => list.length === 0 && cursors.length === 0}
        empty={
          <EmptyState title="No activity yet">
            <p>Changes to keys, providers, models, members and settings appear here.</p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="card">
            <AuditTable entries={list} />
            <nav className="pagination" aria-label="Audit log pages">
              <label className="inline muted">
                Rows
                <select
                  className="select"
                  value={limit}
                  onChange={(e) => {
                    setLimit(Number(e.target.value));
                    setCursors([]);
                  }}
                >
                  {PAGE_SIZES.map((n) => (
                    <option key={n}>{n}</option>
                  ))}
                </select>
              </label>
              <div className="pagination-buttons">
                <button type="button" className="button button-secondary button-small" disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  Newer
                </button>
                <span className="muted">Page {cursors.length + 1}</span>
                <button
                  type="button"
                  className="button button-secondary button-small"
                  disabled={rows.length < limit || entries.isPlaceholderData}
                  onClick={() => setCursors((c) => [...c, rows.at(-1)!.id])}
                >
                  Older
                </button>
              </div>
            </nav>
          </div>
        )}
      </QueryState>
    </section>
  );
}
