import type { AuditEntryView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { formatDateTime, shortId } from '../../lib/format';

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  if (entries.length === 0) return <p className="card-body muted">No older entries.</p>;
  return (
    <DataTable columns={['When', 'Who', 'Action', 'Target', 'Result', 'IP', 'Details']}>
      {entries.map((e) => (
        <tr key={e.id}>
          <td className="cell-sub">{formatDateTime(e.createdAt)}</td>
          <td>{e.actorEmail ?? <span className="muted">system</span>}</td>
          <td>
            <code>{e.action}</code>
          </td>
          <td className="mono cell-sub" title={e.targetId ?? undefined}>
            {e.targetId ? shortId(e.targetId) : '—'}
          </td>
          <td>
            <Badge tone={e.status >= 400 ? 'danger' : 'success'}>{e.status}</Badge>
          </td>
          <td className="mono cell-sub">{e.ip ?? '—'}</td>
          <td>
            {Object.keys(e.details).length > 0 ? (
              <details>
                <summary>Show</summary>
                <pre className="details-json">{JSON.stringify(e.details, null, 2)}</pre>
              </details>
            ) : (
              <span className="muted">—</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
