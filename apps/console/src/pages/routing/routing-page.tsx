import { useModels, useOrgView } from '../../api/org-queries';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { DefaultRoutingCard } from './default-routing-card';
import { PreviewCard } from './preview-card';

export function RoutingPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const org = useOrgView(orgId);
  const models = useModels(orgId);
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} />
      <QueryState query={org} label="routing settings">
        {(data) => <DefaultRoutingCard key={data.id} org={data} canEdit={can('org:manage')} />}
      </QueryState>
      <QueryState
        query={models}
        label="models"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="Nothing to route yet">
            <p>Publish a model on the Models page, then preview where its requests would go.</p>
          </EmptyState>
        }
      >
        {(list) => <PreviewCard orgId={orgId} models={list} />}
      </QueryState>
    </section>
  );
}
