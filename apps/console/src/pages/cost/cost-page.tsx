import type { CostReport } from '@ai-router/contracts';
import { lazy, Suspense, useState } from 'react';
import { DataTable, numeric } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Figure } from '../../components/figure';
import { Loading, QueryState } from '../../components/query-state';
import { Segmented } from '../../components/segmented';
import type { PageProps } from '../../layout/page-props';
import { formatDollars, ratio } from '../../lib/dollars';
import { formatNumber, formatPercent } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { MonitoringSettingsCard } from '../sla/monitoring-settings-card';
import { AnomaliesCard } from './anomalies-card';
import { useCostForecast, useCostReport } from './use-cost';

// The chart library is the largest dependency of the console: only this page loads it.
const SpendChart = lazy(() => import('./spend-chart').then((m) => ({ default: m.SpendChart })));

const RANGES = ['7', '30', '90'] as const;
type Range = (typeof RANGES)[number];

export function CostPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const [range, setRange] = useState<Range>('30');
  const days = Number(range);
  const report = useCostReport(orgId, days);
  const forecast = useCostForecast(orgId);
  return (
    <section className="page">
      <PageHeader
        title={item.label}
        summary={item.summary}
        actions={<Segmented label="Range" options={RANGES} value={range} onChange={setRange} names={{ '7': '7 days', '30': '30 days', '90': '90 days' }} />}
      />
      <QueryState query={forecast} label="forecast">
        {(f) => (
          <div className="stat-grid">
            <Figure label="Month to date" value={formatDollars(f.monthToDate)} detail="Since the 1st, UTC" />
            <Figure label="Forecast to month end" value={formatDollars(f.forecast)} detail={`${Math.ceil(f.daysLeft)} days left at the recent rate`} />
            <Figure label="Recent daily average" value={formatDollars(f.trailingDailyAverage)} detail={`${formatDollars(f.trailingSpend)} over the trailing window`} />
          </div>
        )}
      </QueryState>
      <QueryState query={report} label="spend">
        {(r) => <SpendReport report={r} days={days} />}
      </QueryState>
      <AnomaliesCard orgId={orgId} days={days} />
      <MonitoringSettingsCard orgId={orgId} title="Anomaly thresholds" settings={['anomalyMultiplier', 'anomalyMinSpend']} canEdit={can('monitoring:write')} saveLabel="Save thresholds" />
    </section>
  );
}

function SpendReport({ report, days }: { report: CostReport; days: number }) {
  if (report.rows.length === 0) {
    return (
      <EmptyState title={`No spend in the last ${days} days`}>
        <p>Spend appears here per day and model once requests with a price have gone through the gateway.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="card">
        <div className="card-header">
          <div>
            <h2>Spend per day</h2>
            <p className="card-subtitle">
              {formatDollars(report.total)} in the last {days} days, by UTC day and model.
            </p>
          </div>
        </div>
        <div className="card-body">
          <Suspense fallback={<Loading label="chart" />}>
            <SpendChart report={report} />
          </Suspense>
        </div>
      </div>
      <div className="card">
        <div className="card-header">
          <h2>Spend per model</h2>
        </div>
        <DataTable columns={['Model', numeric('Requests'), numeric('Spend'), numeric('Share')]}>
          {report.byModel.map((m) => (
            <tr key={m.model} data-cost-model={m.model}>
              <td className="cell-strong">{m.model}</td>
              <td className="num">{formatNumber(m.requests)}</td>
              <td className="num">{formatDollars(m.cost)}</td>
              <td className="num">{formatPercent(ratio(m.cost, report.total))}</td>
            </tr>
          ))}
        </DataTable>
      </div>
    </>
  );
}
