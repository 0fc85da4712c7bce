import type { AuditEntryView } from '@ai-router/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { AuditTable } from './audit-table';

/** Newest first, paged by cursor: "Older" asks for entries before the last one shown. */
export function AuditPage({ item }: PageProps) {
  const { orgId } = useOrg();
  const pages = useCursorPages();
  const { cursor: before, limit } = pages;
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
        isEmpty={(list) => list.length === 0 && pages.page === 1}
        empty={
          <EmptyState title="No activity yet">
            <p>Changes to keys, providers, models, members and settings appear here.</p>
          </EmptyState>
        }
      >
        {(list) => (
          <div className="card">
            <AuditTable entries={list} />
            <CursorPager pages={pages} label="Audit log pages" next={rows.length < limit || entries.isPlaceholderData ? null : rows.at(-1)!.id} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
