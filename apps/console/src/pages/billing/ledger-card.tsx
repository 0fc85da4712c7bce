import type { LedgerEntryView } from '@ai-router/contracts';
import { Badge, type Tone } from '../../components/badge';
import { CursorPager, useCursorPages } from '../../components/cursor-pager';
import { DataTable, numeric } from '../../components/data-table';
import { QueryState } from '../../components/query-state';
import { formatDollars } from '../../lib/dollars';
import { formatDateTime } from '../../lib/format';
import { useLedger } from './use-billing';

const TYPE_TONE: Record<LedgerEntryView['type'], Tone> = {
  topup: 'success', charge: 'neutral', refund: 'info', adjustment: 'warning', coupon: 'info', redemption: 'success', coupon_credit: 'info',
};

/** The append-only ledger, newest first, a page at a time. */
export function LedgerCard({ orgId }: { orgId: string }) {
  const pages = useCursorPages(25);
  const ledger = useLedger(orgId, pages.limit, pages.cursor);
  const rows = ledger.data ?? [];
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Ledger</h2>
          <p className="card-subtitle">Every top-up and charge; the balance is their sum.</p>
        </div>
      </div>
      <QueryState query={ledger} label="the ledger" isEmpty={(list) => list.length === 0 && pages.page === 1} empty={<p className="card-body muted">No entries yet: top-ups and charged requests appear here.</p>}>
        {(list) => (
          <>
            {list.length === 0 ? (
              <p className="card-body muted">No older entries.</p>
            ) : (
              <DataTable columns={['When', 'Type', numeric('Amount'), 'Request', 'Note']}>
                {list.map((e) => (
                  <tr key={e.id} data-ledger-type={e.type}>
                    <td className="cell-sub nowrap">{formatDateTime(e.createdAt)}</td>
                    <td>
                      <Badge tone={TYPE_TONE[e.type]}>{e.type}</Badge>
                    </td>
                    <td className="num">{formatDollars(e.amount)}</td>
                    <td className="mono cell-sub">{e.requestId ?? '—'}</td>
                    <td>{e.note ?? <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </DataTable>
            )}
            <CursorPager pages={pages} label="Ledger pages" next={rows.length < pages.limit || ledger.isPlaceholderData ? null : rows.at(-1)!.id} />
          </>
        )}
      </QueryState>
    </div>
  );
}
