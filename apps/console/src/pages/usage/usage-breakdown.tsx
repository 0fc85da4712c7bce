import type { UsageBucket } from '@ai-router/contracts';
import { useState } from 'react';
import { DataTable, numeric } from '../../components/data-table';
import { GroupBarChart } from '../../components/group-bar-chart';
import { LabelledSelect } from '../../components/labelled-select';
import { QueryState } from '../../components/query-state';
import { formatDollars } from '../../lib/dollars';
import { formatDollarsApprox, formatMs, formatNumber } from '../../lib/format';
import type { TimeRangeId } from '../../lib/time-range';
import { useUsageReport } from './use-usage';

export type BreakdownGroup = 'model' | 'key' | 'user';

const GROUPS: Record<BreakdownGroup, string> = { model: 'Model', key: 'API key', user: 'Member' };

const METRICS = {
  requests: { pick: (b: UsageBucket) => b.requests, format: formatNumber, integers: true },
  tokens: { pick: (b: UsageBucket) => b.inputTokens + b.outputTokens, format: formatNumber, integers: true },
  spend: { pick: (b: UsageBucket) => Number(b.cost), format: (v: number) => formatDollarsApprox(v), integers: false },
} as const;

type Metric = keyof typeof METRICS;

const METRIC_LABELS: Record<Metric, string> = { requests: 'Requests', tokens: 'Tokens', spend: 'Spend' };

interface UsageBreakdownProps {
  orgId: string;
  range: TimeRangeId;
  /** A readable name for a group value (a key id, a user id); `none` is traffic without one. */
  nameOf(group: BreakdownGroup, value: string): string;
}

/** The window's traffic split by model, key or member: a bar chart of one metric and the full table. */
export function UsageBreakdown({ orgId, range, nameOf }: UsageBreakdownProps) {
  const [group, setGroup] = useState<BreakdownGroup>('model');
  const [metric, setMetric] = useState<Metric>('requests');
  const report = useUsageReport(orgId, range, group);
  const { pick, format, integers } = METRICS[metric];
  const label = METRIC_LABELS[metric];
  return (
    <div className="card">
      <div className="card-header section-toolbar">
        <h2>Breakdown</h2>
        <div className="inline">
          <LabelledSelect label="By" value={group} options={GROUPS} onChange={setGroup} />
          <LabelledSelect label="Chart" value={metric} options={METRIC_LABELS} onChange={setMetric} />
        </div>
      </div>
      <QueryState query={report} label="the breakdown" isEmpty={(r) => r.buckets.length === 0} empty={<p className="card-body muted">No traffic in this period.</p>}>
        {({ buckets }) => {
          const rows = [...buckets].sort((a, b) => pick(b) - pick(a));
          const name = (b: UsageBucket) => (b.group === 'none' ? `(no ${GROUPS[group].toLowerCase()})` : nameOf(group, b.group));
          return (
            <>
              <div className="card-body">
                <GroupBarChart title={label} points={rows.slice(0, 10).map((b) => ({ label: name(b), value: pick(b) }))} format={format} integers={integers} />
              </div>
              <DataTable columns={[GROUPS[group], numeric('Requests'), numeric('Errors'), numeric('Input tokens'), numeric('Output tokens'), numeric('Spend'), numeric('p50'), numeric('p95')]}>
                {rows.map((b) => (
                  <tr key={b.group} data-usage-group={name(b)}>
                    <td className="cell-strong">{name(b)}</td>
                    <td className="num">{formatNumber(b.requests)}</td>
                    <td className="num">{formatNumber(b.errors)}</td>
                    <td className="num">{formatNumber(b.inputTokens)}</td>
                    <td className="num">{formatNumber(b.outputTokens)}</td>
                    <td className="num">{formatDollars(b.cost)}</td>
                    <td className="num">{formatMs(b.p50LatencyMs)}</td>
                    <td className="num">{formatMs(b.p95LatencyMs)}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
