import { DataTable, numeric } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { QueryState } from '../../components/query-state';
import { formatDollars, ratio } from '../../lib/dollars';
import { formatDateTime } from '../../lib/format';
import { useCostAnomalies } from './use-cost';

/** Hours whose spend jumped far above the week before, as the monitor found them every 10 minutes. */
export function AnomaliesCard({ orgId, days }: { orgId: string; days: number }) {
  const anomalies = useCostAnomalies(orgId, days);
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Anomalies</h2>
          <p className="card-subtitle">Hours whose spend was far above the hourly average of the week before.</p>
        </div>
      </div>
      <QueryState
        query={anomalies}
        label="anomalies"
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title="No anomalies">
            <p>No hour in the last {days} days stood out from the week before it.</p>
          </EmptyState>
        }
      >
        {(list) => (
          <DataTable columns={['Hour', numeric('Spend'), numeric('Usual hourly'), numeric('Jump'), 'Detected']}>
            {list.map((a) => {
              const jump = ratio(a.spend, a.baselineHourly);
              return (
                <tr key={a.id}>
                  <td className="nowrap">{formatDateTime(a.hourStart)}</td>
                  <td className="num">{formatDollars(a.spend)}</td>
                  <td className="num">{formatDollars(a.baselineHourly)}</td>
                  <td className="num">{jump > 0 ? `${jump.toFixed(1)}×` : 'new spend'}</td>
                  <td className="nowrap">{formatDateTime(a.detectedAt)}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </QueryState>
    </div>
  );
}
