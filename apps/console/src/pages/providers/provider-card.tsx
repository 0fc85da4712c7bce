import type { ProviderAccountView, ProviderKeyView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { SmallButton } from '../../components/small-button';
import { ProviderKeysTable } from './provider-keys-table';
import { KIND_LABELS } from './use-providers';

export type AccountAction = 'add-key' | 'import' | 'delete';

interface ProviderCardProps {
  account: ProviderAccountView;
  canWrite: boolean;
  canDelete: boolean;
  busyKeyId: string | null;
  onAction(action: AccountAction): void;
  onToggleKey(key: ProviderKeyView): void;
  onDeleteKey(key: ProviderKeyView): void;
}

export function ProviderCard({ account, canWrite, canDelete, busyKeyId, onAction, onToggleKey, onDeleteKey }: ProviderCardProps) {
  const settings = Object.entries(account.settings);
  return (
    <article className="card" aria-labelledby={`provider-${account.id}`} data-provider={account.name}>
      <header className="card-header">
        <div>
          <div className="inline">
            <h2 id={`provider-${account.id}`} className="card-title">
              {account.name}
            </h2>
            <Badge tone="info">{KIND_LABELS[account.kind] ?? account.kind}</Badge>
            {account.vendor && <Badge>{account.vendor}</Badge>}
            {!account.enabled && <Badge tone="danger">Disabled</Badge>}
          </div>
          <p className="card-subtitle mono">{account.baseUrl}</p>
          {(settings.length > 0 || account.headerNames.length > 0) && (
            <p className="card-subtitle">
              {settings.map(([k, v]) => `${k}: ${v}`).join(' · ')}
              {account.headerNames.length > 0 && ` · headers: ${account.headerNames.join(', ')}`}
            </p>
          )}
        </div>
        {(canWrite || canDelete) && (
          <div className="inline">
            {canWrite && <SmallButton label="Add key" tone="secondary" onClick={() => onAction('add-key')} />}
            {canWrite && <SmallButton label="Import models" tone="secondary" onClick={() => onAction('import')} />}
            {canDelete && <SmallButton label="Delete" target={`provider ${account.name}`} tone="danger" onClick={() => onAction('delete')} />}
          </div>
        )}
      </header>
      <ProviderKeysTable keys={account.keys} canWrite={canWrite} canDelete={canDelete} busyKeyId={busyKeyId} onToggle={onToggleKey} onDelete={onDeleteKey} />
    </article>
  );
}
