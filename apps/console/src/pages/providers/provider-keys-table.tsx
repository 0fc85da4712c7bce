import type { ProviderKeyView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable, numeric, type Column } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { formatCooldown, formatMs, formatNumber, formatPercent } from '../../lib/format';

const COLUMNS: Column[] = ['Key', 'Status', numeric('Requests'), numeric('Errors'), numeric('Rate limited'), numeric('Latency'), numeric('Success')];

interface ProviderKeysTableProps {
  keys: ProviderKeyView[];
  canWrite: boolean;
  canDelete: boolean;
  busyKeyId: string | null;
  onToggle(key: ProviderKeyView): void;
  onDelete(key: ProviderKeyView): void;
}

/** The account's key pool with what this gateway instance has seen of each key since it started. */
export function ProviderKeysTable({ keys, canWrite, canDelete, busyKeyId, onToggle, onDelete }: ProviderKeysTableProps) {
  if (keys.length === 0) return <p className="card-body muted">No keys: requests cannot be sent to this provider until a key is added.</p>;
  return (
    <DataTable columns={COLUMNS} actions={canWrite || canDelete}>
      {keys.map((key) => {
        const cooldown = formatCooldown(key.stats.cooldownUntil);
        return (
          <tr key={key.id} data-provider-key={key.label}>
            <td>
              <div className="cell-strong">{key.label}</div>
              <div className="cell-sub mono">••••{key.last4}</div>
            </td>
            <td>
              {!key.enabled ? <Badge tone="danger">Disabled</Badge> : cooldown ? <Badge tone="warning">Cooling down {cooldown}</Badge> : <Badge tone="success">Enabled</Badge>}
              {(key.rpmLimit || key.tpmLimit) && (
                <div className="cell-sub">
                  {key.rpmLimit ? `${formatNumber(key.rpmLimit)} RPM` : ''} {key.tpmLimit ? `${formatNumber(key.tpmLimit)} TPM` : ''}
                </div>
              )}
            </td>
            <td className="num" data-stat="requests">
              {formatNumber(key.stats.requests)}
            </td>
            <td className="num" data-stat="errors">
              {formatNumber(key.stats.errors)}
            </td>
            <td className="num" data-stat="rate-limited">
              {formatNumber(key.stats.rateLimited)}
            </td>
            <td className="num">{formatMs(key.stats.latencyEwmaMs)}</td>
            <td className="num">{formatPercent(key.stats.successEwma)}</td>
            {(canWrite || canDelete) && (
              <td className="actions">
                <div className="inline row-actions">
                  {canWrite && <SmallButton label={key.enabled ? 'Disable' : 'Enable'} target={`key ${key.label}`} disabled={busyKeyId === key.id} onClick={() => onToggle(key)} />}
                  {canDelete && <SmallButton label="Delete" target={`key ${key.label}`} tone="danger" onClick={() => onDelete(key)} />}
                </div>
              </td>
            )}
          </tr>
        );
      })}
    </DataTable>
  );
}
