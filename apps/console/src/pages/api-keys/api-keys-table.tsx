import type { ApiKeyView } from '@ai-router/contracts';
import { Badge, type Tone } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { Pagination, usePagination } from '../../components/pagination';
import { formatDate } from '../../lib/format';
import type { KeyAction } from './use-api-keys';

const STATUS_TONE: Record<ApiKeyView['status'], Tone> = { active: 'success', suspended: 'warning', revoked: 'danger', expired: 'neutral' };

export type RowAction = KeyAction | 'edit';

interface ApiKeysTableProps {
  keys: ApiKeyView[];
  ownerName(ownerId: string | null): string;
  canWrite: boolean;
  canRevoke: boolean;
  onAction(key: ApiKeyView, action: RowAction): void;
}

export function ApiKeysTable({ keys, ownerName, canWrite, canRevoke, onAction }: ApiKeysTableProps) {
  const page = usePagination(keys, 10);
  return (
    <div className="card">
      <DataTable columns={['Name', 'Key', 'Status', 'Owner', 'Allowed models', 'Expires']} actions={canWrite || canRevoke}>
        {page.rows.map((key) => (
          <tr key={key.id} data-key-name={key.name}>
            <td>
              <div className="cell-strong">{key.name}</div>
              <div className="cell-sub">Created {formatDate(key.createdAt)}</div>
            </td>
            <td className="nowrap">
              <code>{key.display}</code>
            </td>
            <td>
              <Badge tone={STATUS_TONE[key.status]}>{key.status}</Badge>
            </td>
            <td>{ownerName(key.ownerId)}</td>
            <td>
              {key.allowedModels === null ? (
                <span className="muted">All models</span>
              ) : (
                <div className="chips">
                  {key.allowedModels.map((m) => (
                    <Badge key={m}>{m}</Badge>
                  ))}
                  {key.allowedModels.length === 0 && <span className="muted">None</span>}
                </div>
              )}
              {key.ipAllowlist && <div className="cell-sub">IPs: {key.ipAllowlist.join(', ')}</div>}
            </td>
            <td>{key.expiresAt ? formatDate(key.expiresAt) : <span className="muted">Never</span>}</td>
            {(canWrite || canRevoke) && (
              <td className="actions">{key.status !== 'revoked' && <RowActions keyName={key.name} status={key.status} canWrite={canWrite} canRevoke={canRevoke} onAction={(a) => onAction(key, a)} />}</td>
            )}
          </tr>
        ))}
      </DataTable>
      <Pagination {...page} />
    </div>
  );
}

function RowActions(props: { keyName: string; status: ApiKeyView['status']; canWrite: boolean; canRevoke: boolean; onAction(a: RowAction): void }) {
  const { keyName, status, canWrite, canRevoke, onAction } = props;
  const button = (action: RowAction, label: string, danger = false) => (
    <button type="button" className={`button button-ghost button-small${danger ? ' danger' : ''}`} aria-label={`${label} ${keyName}`} onClick={() => onAction(action)}>
      {label}
    </button>
  );
  return (
    <div className="inline row-actions">
      {canWrite && button('edit', 'Edit')}
      {canWrite && (status === 'suspended' ? button('resume', 'Resume') : button('suspend', 'Suspend'))}
      {canWrite && button('rotate', 'Rotate')}
      {canRevoke && button('revoke', 'Revoke', true)}
    </div>
  );
}
