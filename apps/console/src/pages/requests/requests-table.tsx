import type { RequestLogSummary } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable, numeric } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { formatDollars } from '../../lib/dollars';
import { formatDateTime, formatMs, formatNumber, shortId } from '../../lib/format';
import { statusTone } from './status-tone';

export function RequestsTable({ rows, onOpen }: { rows: RequestLogSummary[]; onOpen(requestId: string): void }) {
  if (rows.length === 0) return <p className="card-body muted">No older requests.</p>;
  return (
    <DataTable columns={['Time', 'Model', 'API key', 'Status', numeric('Tokens in / out'), numeric('Cost'), numeric('Latency'), numeric('TTFT')]} actions>
      {rows.map((r) => (
        <tr key={r.requestId} data-request-id={r.requestId} data-request-model={r.model}>
          <td className="cell-sub nowrap">{formatDateTime(r.createdAt)}</td>
          <td>
            <div className="cell-strong">{r.model}</div>
            <div className="cell-sub">
              {r.operation}
              {r.streamed && ' · streamed'}
            </div>
          </td>
          <td>{r.apiKeyName ?? (r.apiKeyId ? shortId(r.apiKeyId) : <span className="muted">—</span>)}</td>
          <td>
            <Badge tone={statusTone(r.status)} title={r.errorCode ?? undefined}>
              {r.status}
            </Badge>
            {r.errorCode && <div className="cell-sub mono">{r.errorCode}</div>}
          </td>
          <td className="num nowrap">
            {formatNumber(r.inputTokens)} / {formatNumber(r.outputTokens)}
          </td>
          <td className="num">{formatDollars(r.cost)}</td>
          <td className="num">{formatMs(r.latencyMs)}</td>
          <td className="num">{formatMs(r.ttftMs)}</td>
          <td className="actions">
            <SmallButton label="Details" target={`of request ${r.requestId}`} onClick={() => onOpen(r.requestId)} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
