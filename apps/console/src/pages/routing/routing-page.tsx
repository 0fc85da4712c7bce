import { useModels, useOrgView } from '../../api/org-queries';
import { ListQuery } from '../../components/list-page';
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
      <ListQuery query={models} label="models" emptyTitle="Nothing to route yet" empty={<p>Publish a model on the Models page, then preview where its requests would go.</p>}>
        {(list) => <PreviewCard orgId={orgId} models={list} />}
      </ListQuery>
    </section>
  );
}
