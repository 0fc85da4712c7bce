import { SLA_WINDOWS, type SlaView, type SlaWindow } from '@ai-router/contracts';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Figure } from '../../components/figure';
import { QueryState } from '../../components/query-state';
import { Segmented } from '../../components/segmented';
import type { PageProps } from '../../layout/page-props';
import { formatDateTime, formatMs, formatNumber } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { MonitoringSettingsCard } from './monitoring-settings-card';
import { describeBudget, formatRate } from './sla-format';
import { SlaReportsCard } from './sla-reports-card';
import { SlaSubjectsTable } from './sla-subjects-table';
import { useSla } from './use-monitoring';

const WINDOW_NAMES: Record<SlaWindow, string> = { '1h': 'Last hour', '24h': '24 hours', '7d': '7 days', '30d': '30 days' };

export function SlaPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const [window, setWindow] = useState<SlaWindow>('24h');
  const sla = useSla(orgId, window);
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={<Segmented label="Time window" options={SLA_WINDOWS} value={window} onChange={setWindow} names={WINDOW_NAMES} />} />
      <QueryState query={sla} label="service levels">
        {(view) => <SlaWindowView view={view} />}
      </QueryState>
      <MonitoringSettingsCard orgId={orgId} title="SLA target" settings={['slaTargetPercent']} canEdit={can('monitoring:write')} saveLabel="Save target" />
      <SlaReportsCard orgId={orgId} />
    </section>
  );
}

function SlaWindowView({ view }: { view: SlaView }) {
  const org = view.subjects.find((s) => s.kind === 'org');
  if (!org || org.requests === 0) {
    return (
      <EmptyState title="No requests in this window">
        <p>Figures appear once the gateway has served requests for this organisation. Try a longer window, or send a chat from the playground.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="muted">
        {formatDateTime(view.from)} – {formatDateTime(view.to)} · target {view.target}% · availability in {view.sliceMinutes}-minute slices
      </p>
      <div className="stat-grid">
        <Figure label="Availability" value={formatRate(org.availability)} detail={`${org.badSlices} of ${org.totalSlices} slices down`} />
        <Figure label="Success rate" value={formatRate(org.successRate)} detail={`Requests: ${formatNumber(org.requests)} · provider failures: ${formatNumber(org.providerFailures)}`} />
        <Figure label="p95 latency" value={formatMs(org.latencyMs.p95)} detail={`p50 ${formatMs(org.latencyMs.p50)} · p99 ${formatMs(org.latencyMs.p99)}`} />
        <Figure label="p95 time to first token" value={formatMs(org.ttftMs.p95)} detail={`p50 ${formatMs(org.ttftMs.p50)} · p99 ${formatMs(org.ttftMs.p99)}`} />
        <Figure
          label="Error budget left"
          value={org.errorBudget.remainingRatio === null ? '—' : formatRate(Math.max(org.errorBudget.remainingRatio, 0))}
          detail={describeBudget(org.errorBudget)}
        />
      </div>
      <SlaSubjectsTable subjects={view.subjects} />
    </>
  );
}
