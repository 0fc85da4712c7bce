import type { UsageBucket } from '@ai-router/contracts';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { TimeChart } from '../../components/time-chart';
import { formatDollars } from '../../lib/dollars';
import { formatCompact, formatDollarsApprox, formatMs, formatNumber, formatPercent } from '../../lib/format';
import { TIME_RANGES, type TimeRangeId } from '../../lib/time-range';
import { useUsageReport } from './use-usage';

const errorRate = (b: { requests: number; errors: number }) => (b.requests === 0 ? null : b.errors / b.requests);

/** Requests, tokens, spend, error rate and p95 latency of the org over the window, one chart each. */
export function UsageOverTime({ orgId, range }: { orgId: string; range: TimeRangeId }) {
  const report = useUsageReport(orgId, range, 'time');
  const step = TIME_RANGES[range].step;
  return (
    <QueryState
      query={report}
      label="usage"
      isEmpty={(r) => r.totals.requests === 0}
      empty={
        <EmptyState title="No traffic in this period">
          <p>Requests sent to the gateway with this organisation's API keys show up here within seconds.</p>
        </EmptyState>
      }
    >
      {({ buckets, totals }) => {
        const series = (pick: (b: UsageBucket) => number | null) => buckets.map((b) => ({ time: b.group, value: pick(b) }));
        const p95 = Math.max(0, ...buckets.map((b) => b.p95LatencyMs ?? 0));
        return (
          <div className="chart-grid">
            <TimeChart title="Requests" total={formatNumber(totals.requests)} points={series((b) => b.requests)} step={step} format={formatNumber} integers />
            <TimeChart
              title="Tokens"
              total={formatCompact(totals.inputTokens + totals.outputTokens)}
              points={series((b) => b.inputTokens + b.outputTokens)}
              step={step}
              format={formatNumber}
              integers
            />
            <TimeChart title="Spend" total={formatDollars(totals.cost)} points={series((b) => Number(b.cost))} step={step} format={(v) => formatDollarsApprox(v)} axisFormat={(v) => formatDollarsApprox(v, true)} />
            <TimeChart title="Error rate" total={formatPercent(errorRate(totals))} points={series(errorRate)} step={step} format={formatPercent} axisFormat={formatPercent} domain={[0, 1]} />
            <TimeChart title="p95 latency" total={formatMs(p95)} points={series((b) => b.p95LatencyMs)} step={step} format={formatMs} />
          </div>
        );
      }}
    </QueryState>
  );
}
