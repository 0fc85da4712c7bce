import { useState } from 'react';
import { useModels } from '../../api/org-queries';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { useNames } from '../usage/use-names';
import { RequestDrawer } from './request-drawer';
import { RequestFiltersBar } from './request-filters';
import { RequestsTable } from './requests-table';
import { type RequestFilters, useRequestLogs } from './use-request-logs';
import './requests.css';

const NO_FILTERS: RequestFilters = { apiKeyId: '', model: '', status: '', period: 'any' };

export function RequestsPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const [filters, setFilters] = useState(NO_FILTERS);
  const [open, setOpen] = useState<string | null>(null);
  const pages = useCursorPages(50);
  const logs = useRequestLogs(orgId, filters, pages.limit, pages.cursor);
  const models = useModels(orgId);
  const { keys } = useNames();
  const filtered = filters !== NO_FILTERS;

  return (
    <section className="page">
      <PageHeader
        title={item.label}
        summary={item.summary}
        actions={
          <button type="button" className="button button-secondary" disabled={logs.isFetching} onClick={() => logs.refetch()}>
            {logs.isFetching ? 'Refreshing…' : 'Refresh'}
          </button>
        }
      />
      {!can('requests:manage') && <p className="alert alert-info">You see the requests made with your own API keys. Admins see every request of the organisation.</p>}
      <RequestFiltersBar
        value={filters}
        onChange={(next) => {
          setFilters(next);
          pages.reset();
        }}
        keys={Object.fromEntries(keys.map((k) => [k.id, k.name]))}
        models={(models.data ?? []).map((m) => m.name)}
      />
      <QueryState
        query={logs}
        label="requests"
        isEmpty={(page) => page.items.length === 0 && pages.page === 1}
        empty={
          <EmptyState title={filtered ? 'No requests match these filters' : 'No requests yet'}>
            <p>{filtered ? 'Widen the period or clear a filter.' : 'Requests sent to /v1 with an API key of this organisation appear here within seconds.'}</p>
          </EmptyState>
        }
      >
        {(page) => (
          <div className="card">
            <RequestsTable rows={page.items} onOpen={setOpen} />
            <CursorPager pages={pages} label="Request log pages" next={logs.isPlaceholderData ? null : page.nextCursor} />
          </div>
        )}
      </QueryState>
      {open && <RequestDrawer orgId={orgId} requestId={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
