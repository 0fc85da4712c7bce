import type { QuotaView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { UsageBar } from '../../components/usage-bar';
import { ratio } from '../../lib/dollars';
import { formatDateTime } from '../../lib/format';
import { formatAmount, PERIOD_NAMES, SCOPE_NAMES } from './quota-format';

interface QuotasTableProps {
  quotas: QuotaView[];
  subjectName(quota: QuotaView): string;
  canWrite: boolean;
  canDelete: boolean;
  onEdit(quota: QuotaView): void;
  onDelete(quota: QuotaView): void;
}

export function QuotasTable({ quotas, subjectName, canWrite, canDelete, onEdit, onDelete }: QuotasTableProps) {
  return (
    <div className="card">
      <DataTable columns={['Name', 'Applies to', 'Limit', 'Usage this window', 'Thresholds', 'Resets at']} actions={canWrite || canDelete}>
        {quotas.map((quota) => {
          const share = ratio(quota.current.used, quota.limit);
          return (
            <tr key={quota.id} data-quota={quota.name}>
              <td>
                <div className="cell-strong">{quota.name}</div>
                <div className="cell-sub">
                  <Badge tone={quota.hard ? 'danger' : 'info'} title={quota.hard ? 'Refuses requests that could exceed it' : 'Only notifies'}>
                    {quota.hard ? 'Hard' : 'Soft'}
                  </Badge>
                </div>
              </td>
              <td>
                <div>{quota.scope === 'org' ? SCOPE_NAMES.org : subjectName(quota)}</div>
                {quota.scope !== 'org' && <div className="cell-sub">{quota.scope === 'key' ? 'API key' : 'Member'}</div>}
              </td>
              <td className="nowrap">
                {formatAmount(quota.metric, quota.limit)}
                <div className="cell-sub">{PERIOD_NAMES[quota.period]}</div>
              </td>
              <td data-testid="quota-usage">
                <UsageBar label={`Usage of ${quota.name}`} share={share} marks={quota.thresholds} />
                <div className="cell-sub">
                  {formatAmount(quota.metric, quota.current.used)} used · {Math.round(share * 100)}%
                  {Number(quota.current.reserved) > 0 && ` · ${formatAmount(quota.metric, quota.current.reserved)} in flight`}
                </div>
              </td>
              <td>
                {quota.thresholds.length ? (
                  <div className="chips">
                    {quota.thresholds.map((t) => (
                      <Badge key={t}>{t}%</Badge>
                    ))}
                  </div>
                ) : (
                  <span className="muted">None</span>
                )}
              </td>
              <td className="nowrap" data-testid="quota-resets">
                <time dateTime={quota.current.resetsAt}>{formatDateTime(quota.current.resetsAt)}</time>
              </td>
              {(canWrite || canDelete) && (
                <td className="actions">
                  <div className="inline row-actions">
                    {canWrite && <SmallButton label="Edit" target={quota.name} onClick={() => onEdit(quota)} />}
                    {canDelete && <SmallButton label="Delete" target={quota.name} tone="danger" onClick={() => onDelete(quota)} />}
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
    </div>
  );
}
