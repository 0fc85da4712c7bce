import type { DeploymentView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { formatNumber } from '../../lib/format';

interface DeploymentsTableProps {
  deployments: DeploymentView[];
  providerName(accountId: string): string;
  canWrite: boolean;
  canDelete: boolean;
  onEdit(deployment: DeploymentView): void;
  onRemove(deployment: DeploymentView): void;
}

export function DeploymentsTable({ deployments, providerName, canWrite, canDelete, onEdit, onRemove }: DeploymentsTableProps) {
  if (deployments.length === 0) return <p className="card-body muted">No deployments: requests for this model fail until one is added.</p>;
  const sorted = [...deployments].sort((a, b) => a.priority - b.priority || b.weight - a.weight);
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Provider</th>
            <th>Upstream model</th>
            <th className="num">Weight</th>
            <th className="num">Priority</th>
            <th className="num">Quality</th>
            <th>Status</th>
            {(canWrite || canDelete) && <th className="actions">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((d) => (
            <tr key={d.id}>
              <td className="cell-strong">{providerName(d.providerAccountId)}</td>
              <td className="mono">{d.upstreamModel}</td>
              <td className="num">{formatNumber(d.weight)}</td>
              <td className="num">{formatNumber(d.priority)}</td>
              <td className="num">{d.quality === null ? '—' : d.quality.toFixed(2)}</td>
              <td>{d.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}</td>
              {(canWrite || canDelete) && (
                <td className="actions">
                  <div className="inline row-actions">
                    {canWrite && (
                      <button type="button" className="button button-ghost button-small" onClick={() => onEdit(d)}>
                        Edit<span className="visually-hidden"> deployment {d.upstreamModel}</span>
                      </button>
                    )}
                    {canDelete && (
                      <button type="button" className="button button-ghost button-small danger" onClick={() => onRemove(d)}>
                        Remove<span className="visually-hidden"> deployment {d.upstreamModel}</span>
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
