import type { ProviderKeyView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { formatCooldown, formatMs, formatNumber, formatPercent } from '../../lib/format';

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
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th>Key</th>
            <th>Status</th>
            <th className="num">Requests</th>
            <th className="num">Errors</th>
            <th className="num">Rate limited</th>
            <th className="num">Latency</th>
            <th className="num">Success</th>
            {(canWrite || canDelete) && <th className="actions">Actions</th>}
          </tr>
        </thead>
        <tbody>
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
                      {canWrite && (
                        <button type="button" className="button button-ghost button-small" disabled={busyKeyId === key.id} onClick={() => onToggle(key)}>
                          {key.enabled ? 'Disable' : 'Enable'}
                          <span className="visually-hidden"> key {key.label}</span>
                        </button>
                      )}
                      {canDelete && (
                        <button type="button" className="button button-ghost button-small danger" onClick={() => onDelete(key)}>
                          Delete<span className="visually-hidden"> key {key.label}</span>
                        </button>
                      )}
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
