import { DataTable, numeric } from '../../components/data-table';
import { ErrorAlert } from '../../components/error-alert';
import { QueryState } from '../../components/query-state';
import { SmallButton } from '../../components/small-button';
import { formatDollars } from '../../lib/dollars';
import { formatDate } from '../../lib/format';
import { useInvoiceDownload, useInvoices } from './use-billing';

const month = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Issued monthly invoices, each downloadable as PDF and as CSV. */
export function InvoicesCard({ orgId }: { orgId: string }) {
  const invoices = useInvoices(orgId);
  const download = useInvoiceDownload(orgId);
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Invoices</h2>
          <p className="card-subtitle">Issued after each calendar month (UTC) with charges in it.</p>
        </div>
      </div>
      {download.isError && <ErrorAlert title="The download failed." error={download.error} />}
      <QueryState query={invoices} label="invoices" isEmpty={(list) => list.length === 0} empty={<p className="card-body muted">No invoices yet. The first one is issued after a month with charges.</p>}>
        {(list) => (
          <DataTable columns={['Invoice', 'Period', numeric('Subtotal'), numeric('Discount'), numeric('Total'), 'Issued']} actions>
            {list.map((inv) => (
              <tr key={inv.id} data-invoice={inv.number}>
                <td className="cell-strong mono">{inv.number}</td>
                <td>{month.format(new Date(inv.periodStart))}</td>
                <td className="num">{formatDollars(inv.subtotal)}</td>
                <td className="num">{formatDollars(inv.discount)}</td>
                <td className="num cell-strong">{formatDollars(inv.total)}</td>
                <td className="cell-sub">{formatDate(inv.issuedAt)}</td>
                <td className="actions">
                  <div className="inline row-actions">
                    <SmallButton label="PDF" target={`download of ${inv.number}`} tone="secondary" disabled={download.isPending} onClick={() => download.mutate({ id: inv.id, format: 'pdf' })} />
                    <SmallButton label="CSV" target={`download of ${inv.number}`} tone="secondary" disabled={download.isPending} onClick={() => download.mutate({ id: inv.id, format: 'csv' })} />
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </div>
  );
}
