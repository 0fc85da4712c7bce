import type { NotificationChannelView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { formatDate } from '../../lib/format';
import { EVENT_LABELS, KIND_LABELS } from './channel-fields';

export type ChannelAction = 'edit' | 'delete' | 'test';

interface ChannelsTableProps {
  channels: NotificationChannelView[];
  canManage: boolean;
  /** The channel whose test is being sent, to lock its button. */
  testing: string | null;
  onAction(channel: NotificationChannelView, action: ChannelAction): void;
}

/** Where a channel sends, in words, without any secret. */
function destination(c: NotificationChannelView): string {
  if (c.kind === 'email') return ((c.config.recipients as string[] | undefined) ?? []).join(', ');
  if (c.kind === 'webhook') return String(c.config.url ?? '');
  if (c.kind === 'in_app') return 'The bell in the console header';
  return c.secretFields.includes('webhookUrl') ? 'Bot webhook (stored encrypted)' : 'No webhook set';
}

export function ChannelsTable({ channels, canManage, testing, onAction }: ChannelsTableProps) {
  return (
    <DataTable columns={['Name', 'Kind', 'Sends to', 'Events', 'Status']} actions={canManage}>
      {channels.map((c) => (
        <tr key={c.id} data-channel={c.name}>
          <td>
            <div className="cell-strong">{c.name}</div>
            <div className="cell-sub">Created {formatDate(c.createdAt)}</div>
          </td>
          <td>{KIND_LABELS[c.kind]}</td>
          <td className="cell-sub">{destination(c)}</td>
          <td>
            {c.events.length === 0 ? (
              <span className="muted">All events</span>
            ) : (
              <div className="chips">
                {c.events.map((e) => (
                  <Badge key={e}>{EVENT_LABELS[e]}</Badge>
                ))}
              </div>
            )}
          </td>
          <td>{c.enabled ? <Badge tone="success">Enabled</Badge> : <Badge>Disabled</Badge>}</td>
          {canManage && (
            <td className="actions">
              <div className="inline row-actions">
                <SmallButton label={testing === c.id ? 'Sending…' : 'Send test'} target={c.name} tone="secondary" disabled={testing === c.id} onClick={() => onAction(c, 'test')} />
                <SmallButton label="Edit" target={c.name} onClick={() => onAction(c, 'edit')} />
                <SmallButton label="Delete" target={c.name} tone="danger" onClick={() => onAction(c, 'delete')} />
              </div>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
