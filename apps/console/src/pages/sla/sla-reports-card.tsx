import { SLA_PERIODS, type SlaPeriod } from '@ai-router/contracts';
import { useState } from 'react';
import { Badge } from '../../components/badge';
import { DataTable, numeric } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { Pagination, usePagination } from '../../components/pagination';
import { QueryState } from '../../components/query-state';
import { Segmented } from '../../components/segmented';
import { formatDate, formatMs, formatNumber } from '../../lib/format';
import { formatRate } from './sla-format';
import { useSlaReports } from './use-monitoring';

/** Issued reports of closed days or months; they never change once issued. */
export function SlaReportsCard({ orgId }: { orgId: string }) {
  const [period, setPeriod] = useState<SlaPeriod>('daily');
  const reports = useSlaReports(orgId, period);
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Reports</h2>
          <p className="card-subtitle">One per closed {period === 'daily' ? 'UTC day' : 'month'} and subject, with the target in force when issued.</p>
        </div>
        <Segmented label="Report period" options={SLA_PERIODS} value={period} onChange={setPeriod} names={{ daily: 'Daily', monthly: 'Monthly' }} />
      </div>
      <QueryState
        query={reports}
        label="reports"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title={`No ${period} reports yet`}>
            <p>{period === 'daily' ? 'A day’s report is issued shortly after midnight UTC.' : 'A month’s report is issued shortly after the month ends.'}</p>
          </EmptyState>
        }
      >
        {(list) => <ReportsTable reports={list} />}
      </QueryState>
    </div>
  );
}

function ReportsTable({ reports }: { reports: NonNullable<ReturnType<typeof useSlaReports>['data']> }) {
  const page = usePagination(reports, 20);
  return (
    <>
      <DataTable columns={['Period', 'Subject', numeric('Requests'), numeric('Success rate'), numeric('Availability'), numeric('p95 latency'), 'Target']}>
        {page.rows.map((r) => (
          <tr key={r.reportId}>
            <td className="nowrap">{formatDate(r.periodStart)}</td>
            <td>
              <div className="cell-strong">{r.kind === 'org' ? 'Whole organisation' : r.name}</div>
              <div className="cell-sub">{r.kind}</div>
            </td>
            <td className="num">{formatNumber(r.requests)}</td>
            <td className="num">{formatRate(r.successRate)}</td>
            <td className="num">{formatRate(r.availability)}</td>
            <td className="num">{formatMs(r.latencyMs.p95)}</td>
            <td>
              {r.target}% {r.targetMet === null ? null : r.targetMet ? <Badge tone="success">Met</Badge> : <Badge tone="danger">Missed</Badge>}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pagination {...page} />
    </>
  );
}
