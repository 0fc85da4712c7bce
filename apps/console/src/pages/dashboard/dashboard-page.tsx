import type { ApiKeyView, MemberView, ProviderAccountView } from '@ai-router/contracts';
import { lazy, Suspense, useState } from 'react';
import { useMembers, useModels, useProviderAccounts } from '../../api/org-queries';
import { Loading } from '../../components/query-state';
import { RangePicker } from '../../components/range-picker';
import type { PageProps } from '../../layout/page-props';
import type { TimeRangeId } from '../../lib/time-range';
import { useOrg } from '../../orgs/current-org';
import { orgPath } from '../../router/routes';
import { useApiKeys } from '../api-keys/use-api-keys';
import { PageHeader } from '../page-header';
import { useNames } from '../usage/use-names';
import { BalanceBudgets } from './balance-budgets';
import { RecentActivity } from './recent-activity';
import { StatCard } from './stat-card';
import { TopUsage } from './top-usage';
import './dashboard.css';

// The chart library is the console's largest dependency: it loads after the page, not with the sign-in screen.
const UsageOverTime = lazy(() => import('../usage/usage-over-time').then((m) => ({ default: m.UsageOverTime })));

export function DashboardPage({ item }: PageProps) {
  const { orgId, orgName, role, can } = useOrg();
  const models = useModels(orgId);
  const providers = useProviderAccounts(orgId, can('providers:read'));
  const keys = useApiKeys(orgId, can('apiKeys:read'));
  const members = useMembers(orgId, can('members:read'));
  const href = (section: string) => orgPath(orgId, section);
  const [range, setRange] = useState<TimeRangeId>('24h');
  const names = useNames();

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

      {can('usage:read') && (
        <div className="stack">
          <div className="section-toolbar">
            <h2 className="section-title">Traffic</h2>
            <RangePicker value={range} onChange={setRange} />
          </div>
          <Suspense fallback={<Loading label="charts" />}>
            <UsageOverTime orgId={orgId} range={range} />
          </Suspense>
          <div className="dashboard-grid">
            <TopUsage orgId={orgId} range={range} groupBy="model" title="Top models" nameOf={(model) => model} />
            <TopUsage orgId={orgId} range={range} groupBy="key" title="Top API keys" nameOf={names.keyName} />
          </div>
        </div>
      )}

      {(can('billing:read') || can('quotas:read')) && (
        <BalanceBudgets
          orgId={orgId}
          showBalance={can('billing:read')}
          showBudgets={can('quotas:read')}
          subjectName={(quota) => (quota.scope === 'key' ? names.keyName : names.memberName)(quota.subjectId ?? '')}
        />
      )}

      {can('audit:read') && <RecentActivity orgId={orgId} />}
    </section>
  );
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
