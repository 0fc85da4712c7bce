import type { ApiKeyView, MemberView, ProviderAccountView } from '@ai-router/contracts';
import { useMembers, useModels, useProviderAccounts } from '../../api/org-queries';
import { Badge } from '../../components/badge';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { orgPath } from '../../router/routes';
import { useApiKeys } from '../api-keys/use-api-keys';
import { PageHeader } from '../page-header';
import { RecentActivity } from './recent-activity';
import { StatCard } from './stat-card';
import './dashboard.css';

export function DashboardPage({ item }: PageProps) {
  const { orgId, orgName, role, can } = useOrg();
  const models = useModels(orgId);
  const providers = useProviderAccounts(orgId, can('providers:read'));
  const keys = useApiKeys(orgId, can('apiKeys:read'));
  const members = useMembers(orgId, can('members:read'));
  const href = (section: string) => orgPath(orgId, section);

  return (
    <section className="page">
      <PageHeader title={item.label} summary={`${orgName} — you are ${role === 'admin' ? 'an' : 'a'} ${role}.`} />
      <div className="stat-grid">
        <StatCard label="Models" query={models} href={href('/models')} detail={(rows) => `${(rows as { enabled: boolean }[]).filter((m) => m.enabled).length} enabled`} />
        {can('providers:read') && (
          <StatCard
            label="Provider accounts"
            query={providers}
            href={href('/providers')}
            detail={(rows) => plural((rows as ProviderAccountView[]).reduce((n, a) => n + a.keys.length, 0), 'provider key')}
          />
        )}
        {can('apiKeys:read') && (
          <StatCard
            label={can('apiKeys:manage') ? 'API keys' : 'Your API keys'}
            query={keys}
            href={href('/keys')}
            detail={(rows) => `${(rows as ApiKeyView[]).filter((k) => k.status === 'active').length} active`}
          />
        )}
        {can('members:read') && (
          <StatCard
            label="Members"
            query={members}
            href={href('/members')}
            detail={(rows) => plural((rows as MemberView[]).filter((m) => m.role === 'admin').length, 'admin')}
          />
        )}
      </div>

      <div className="card usage-placeholder" aria-label="Usage charts (coming soon)">
        <div className="card-header">
          <div>
            <h2>Usage</h2>
            <p className="card-subtitle">Requests, tokens and spend over time.</p>
          </div>
          <Badge tone="info">Coming soon</Badge>
        </div>
        <div className="card-body usage-placeholder-body">
          <p className="muted">Charts of this organisation's traffic and spend will appear here with usage analytics and billing. Nothing to set up.</p>
        </div>
      </div>

      {can('audit:read') && <RecentActivity orgId={orgId} />}
    </section>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
