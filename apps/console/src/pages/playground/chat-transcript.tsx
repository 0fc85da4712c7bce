import type { ReactNode } from 'react';
import { formatDollars } from '../../lib/dollars';
import { formatMs, formatNumber, shortId } from '../../lib/format';
import { useRequestDetail } from '../requests/use-request-logs';
import type { Turn } from './use-chat';

interface ChatTranscriptProps {
  turns: Turn[];
  orgId: string;
  /** Whether the caller may read the request log (`requests:read`); without it the charge is not looked up. */
  canReadRequests: boolean;
}

export function ChatTranscript({ turns, orgId, canReadRequests }: ChatTranscriptProps) {
  if (turns.length === 0) {
    return <p className="chat-empty muted">Send a message to start. Replies stream in as the provider writes them.</p>;
  }
  return (
    <ol className="chat-log" aria-live="polite">
      {turns.map((turn, i) => (
        <li key={i} className={`chat-turn chat-${turn.role}`} data-role={turn.role}>
          <span className="chat-author">{turn.role === 'user' ? 'You' : 'Assistant'}</span>
          <div className="chat-bubble" data-testid={turn.role === 'assistant' ? 'assistant-text' : undefined}>
            {turn.content || (turn.streaming ? <span className="muted">…</span> : null)}
          </div>
          {turn.error && (
            <div className="alert alert-error" role="alert">
              {turn.error}
            </div>
          )}
          {turn.meta && (
            <TurnMeta meta={turn.meta}>{canReadRequests && turn.meta.requestId && <RequestCharge orgId={orgId} requestId={turn.meta.requestId} />}</TurnMeta>
          )}
        </li>
      ))}
    </ol>
  );
}

function TurnMeta({ meta, children }: { meta: NonNullable<Turn['meta']>; children: ReactNode }) {
  const usage = meta.usage;
  return (
    <dl className="chat-meta" data-testid="chat-meta">
      <div>
        <dt>Provider</dt>
        <dd data-testid="chat-provider">{meta.provider ?? '—'}</dd>
      </div>
      <div>
        <dt>Strategy</dt>
        <dd data-testid="chat-strategy">{meta.strategy ?? '—'}</dd>
      </div>
      {meta.model && (
        <div>
          <dt>Upstream model</dt>
          <dd>{meta.model}</dd>
        </div>
      )}
      <div>
        <dt>Tokens</dt>
        <dd data-testid="chat-usage">{usage ? `${formatNumber(usage.prompt_tokens)} in · ${formatNumber(usage.completion_tokens)} out · ${formatNumber(usage.total_tokens)} total` : '—'}</dd>
      </div>
      <div>
        <dt>First token</dt>
        <dd>{formatMs(meta.ttftMs)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd>{formatMs(meta.totalMs)}</dd>
      </div>
      {children}
    </dl>
  );
}

/**
 * What the request cost and where it was routed, from its usage row. Skipped quietly when the row cannot
 * be read (not the caller's key, or it never arrived): the rest of the panel still stands.
 */
function RequestCharge({ orgId, requestId }: { orgId: string; requestId: string }) {
  const detail = useRequestDetail(orgId, requestId, { waitForRow: true });
  if (detail.isError) return null;
  if (detail.isPending) {
    return (
      <div>
        <dt>Cost</dt>
        <dd className="muted">…</dd>
      </div>
    );
  }
  const row = detail.data;
  return (
    <>
      <div>
        <dt>Cost</dt>
        <dd data-testid="chat-cost">{formatDollars(row.cost)}</dd>
      </div>
      <div>
        <dt>Billed tokens</dt>
        <dd data-testid="chat-billed-tokens">{`${formatNumber(row.inputTokens)} in · ${formatNumber(row.outputTokens)} out`}</dd>
      </div>
      <div>
        <dt>Routed to</dt>
        <dd data-testid="chat-route">
          {row.providerAccountName ?? '—'}
          {row.deploymentId && <span className="muted"> · deployment {shortId(row.deploymentId)}</span>}
        </dd>
      </div>
    </>
  );
}
