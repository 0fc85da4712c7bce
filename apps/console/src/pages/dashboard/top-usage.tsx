import type { UsageBucket } from '@ai-router/contracts';
import { DataTable, numeric } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatDollars } from '../../lib/dollars';
import { formatNumber } from '../../lib/format';
import type { TimeRangeId } from '../../lib/time-range';
import { Link } from '../../router/link';
import { orgPath } from '../../router/routes';
import { useUsageReport } from '../usage/use-usage';

const TOP = 5;

interface TopUsageProps {
  orgId: string;
  range: TimeRangeId;
  groupBy: 'model' | 'key';
  title: string;
  /** A readable name for a group value; `none` is traffic without one. */
  nameOf(value: string): string;
}

/** The period's five biggest models or API keys by spend, then by requests. */
export function TopUsage({ orgId, range, groupBy, title, nameOf }: TopUsageProps) {
  const report = useUsageReport(orgId, range, groupBy);
  const what = groupBy === 'model' ? 'Model' : 'API key';
  return (
    <div className="card" data-testid={`top-${groupBy}s`}>
      <div className="card-header">
        <h2>{title}</h2>
        <Link href={orgPath(orgId, '/usage')}>View usage</Link>
      </div>
      <QueryState query={report} label={title.toLowerCase()} isEmpty={(r) => r.buckets.length === 0} empty={<p className="card-body muted">No traffic in this period.</p>}>
        {({ buckets }) => (
          <DataTable columns={[what, numeric('Requests'), numeric('Tokens'), numeric('Spend')]}>
            {topBuckets(buckets).map((b) => {
              const name = b.group === 'none' ? `(no ${what.toLowerCase()})` : nameOf(b.group);
              return (
                <tr key={b.group} data-top-group={name}>
                  <td className="cell-strong">{name}</td>
                  <td className="num">{formatNumber(b.requests)}</td>
                  <td className="num">{formatNumber(b.inputTokens + b.outputTokens)}</td>
                  <td className="num">{formatDollars(b.cost)}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </QueryState>
    </div>
  );
}

/** Ordered for display only: the cost strings are compared as numbers, never summed. */
function topBuckets(buckets: UsageBucket[]): UsageBucket[] {
  return [...buckets].sort((a, b) => Number(b.cost) - Number(a.cost) || b.requests - a.requests).slice(0, TOP);
}
