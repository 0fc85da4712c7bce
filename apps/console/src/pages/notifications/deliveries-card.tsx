import type { NotificationChannelView, NotificationDeliveryStatus } from '@ai-router/contracts';
import { useState } from 'react';
import { Badge, type Tone } from '../../components/badge';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { DataTable, numeric } from '../../components/data-table';
import { LabelledSelect } from '../../components/labelled-select';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';
import { EVENT_LABELS } from './channel-fields';
import { useDeliveries } from './use-notifications';

const STATUS_TONE: Record<NotificationDeliveryStatus, Tone> = { pending: 'info', delivered: 'success', failed: 'danger' };

/** What was sent where, with retries and the last error; refreshes itself while deliveries are pending. */
export function DeliveriesCard({ orgId, channels }: { orgId: string; channels: NotificationChannelView[] }) {
  const [channelId, setChannelId] = useState('');
  const pages = useCursorPages(25);
  const deliveries = useDeliveries(orgId, channelId, pages.limit, pages.cursor);
  const rows = deliveries.data ?? [];
  const nameOf = (id: string) => channels.find((c) => c.id === id)?.name ?? 'Deleted channel';
  return (
    <div className="card">
      <div className="card-header section-toolbar">
        <div>
          <h2>Delivery log</h2>
          <p className="card-subtitle">Every message sent to a channel, with retries.</p>
        </div>
        <LabelledSelect
          label="Channel"
          value={channelId}
          options={{ '': 'All channels', ...Object.fromEntries(channels.map((c) => [c.id, c.name])) }}
          onChange={(id) => {
            setChannelId(id);
            pages.reset();
          }}
        />
      </div>
      <QueryState query={deliveries} label="deliveries" isEmpty={(list) => list.length === 0 && pages.page === 1} empty={<p className="card-body muted">Nothing sent yet. "Send test" on a channel shows its first delivery here.</p>}>
        {(list) => (
          <>
            <DataTable columns={['When', 'Channel', 'Event', 'Status', numeric('Attempts'), 'Last error']}>
              {list.map((d) => (
                <tr key={d.id} data-delivery-status={d.status}>
                  <td className="cell-sub nowrap">{formatDateTime(d.createdAt)}</td>
                  <td>{nameOf(d.channelId)}</td>
                  <td>{EVENT_LABELS[d.eventType]}</td>
                  <td>
                    <Badge tone={STATUS_TONE[d.status]}>{d.status}</Badge>
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="cell-sub">{d.lastError ?? '—'}</td>
                </tr>
              ))}
            </DataTable>
            <CursorPager pages={pages} label="Delivery log pages" next={rows.length < pages.limit || deliveries.isPlaceholderData ? null : rows.at(-1)!.createdAt} />
          </>
        )}
      </QueryState>
    </div>
  );
}
