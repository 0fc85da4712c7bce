import type { DeploymentView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable, numeric, type Column } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { formatNumber } from '../../lib/format';

const COLUMNS: Column[] = ['Provider', 'Upstream model', numeric('Weight'), numeric('Priority'), numeric('Quality'), 'Status'];

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
    <DataTable columns={COLUMNS} actions={canWrite || canDelete}>
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
                {canWrite && <SmallButton label="Edit" target={`deployment ${d.upstreamModel}`} onClick={() => onEdit(d)} />}
                {canDelete && <SmallButton label="Remove" target={`deployment ${d.upstreamModel}`} tone="danger" onClick={() => onRemove(d)} />}
              </div>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
