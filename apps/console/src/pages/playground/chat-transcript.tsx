import { formatMs, formatNumber } from '../../lib/format';
import type { Turn } from './use-chat';

export function ChatTranscript({ turns }: { turns: Turn[] }) {
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
          {turn.meta && <TurnMeta meta={turn.meta} />}
        </li>
      ))}
    </ol>
  );
}

function TurnMeta({ meta }: { meta: NonNullable<Turn['meta']> }) {
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
    </dl>
  );
}
