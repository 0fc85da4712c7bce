import type { SlaPercentiles, SlaSubjectKind, SlaSubjectStats } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable, numeric } from '../../components/data-table';
import { formatNumber } from '../../lib/format';
import { describeBudget, formatRate } from './sla-format';
import './sla.css';

const KIND_NAMES: Record<SlaSubjectKind, string> = { org: 'Organisation', provider: 'Provider', deployment: 'Deployment', model: 'Model' };

const whole = (ms: number | null) => (ms === null ? '—' : String(Math.round(ms)));
/** "38 / 95 / 120 ms": three figures in one narrow cell. */
const percentiles = (p: SlaPercentiles) => (p.p50 === null ? '—' : `${whole(p.p50)} / ${whole(p.p95)} / ${whole(p.p99)} ms`);

/** Every subject with traffic in the window: the org first, then providers, deployments and models. */
export function SlaSubjectsTable({ subjects }: { subjects: SlaSubjectStats[] }) {
  return (
    <div className="card">
      <DataTable
        columns={['Subject', numeric('Requests'), numeric('Success rate'), numeric('Availability'), numeric('Latency p50 / p95 / p99'), numeric('TTFT p50 / p95 / p99'), 'Error budget']}
      >
        {subjects.map((s) => (
          <tr key={`${s.kind}:${s.id}`} data-sla-subject={`${s.kind}:${s.name}`}>
            <td className="sla-subject">
              <div className="cell-strong">{s.kind === 'org' ? 'Whole organisation' : s.name}</div>
              <div className="cell-sub">{KIND_NAMES[s.kind]}</div>
            </td>
            <td className="num" data-stat="requests">
              {formatNumber(s.requests)}
              {s.clientErrors > 0 && <div className="cell-sub">{formatNumber(s.clientErrors)} client errors</div>}
            </td>
            <td className="num">
              <div data-stat="success-rate">{formatRate(s.successRate)}</div>
              <div className="cell-sub">{s.targetMet === null ? <Badge>No data</Badge> : s.targetMet ? <Badge tone="success">Target met</Badge> : <Badge tone="danger">Target missed</Badge>}</div>
            </td>
            <td className="num" data-stat="availability" title={`${s.badSlices} of ${s.totalSlices} slices down`}>
              {formatRate(s.availability)}
            </td>
            <td className="num nowrap" data-stat="latency">
              {percentiles(s.latencyMs)}
            </td>
            <td className="num nowrap" data-stat="ttft">
              {percentiles(s.ttftMs)}
            </td>
            <td className="sla-budget" data-stat="error-budget">
              <div>{s.errorBudget.remainingRatio === null ? '—' : `${formatRate(Math.max(s.errorBudget.remainingRatio, 0))} left`}</div>
              <div className="cell-sub">{describeBudget(s.errorBudget)}</div>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
