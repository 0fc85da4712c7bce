import { Badge } from '../../components/badge';
import { Dialog } from '../../components/dialog';
import { QueryState } from '../../components/query-state';
import { formatDollars } from '../../lib/dollars';
import { formatDateTime, formatMs, formatNumber } from '../../lib/format';
import { statusTone } from './status-tone';
import { useOrg } from '../../orgs/current-org';
import { useNames } from '../usage/use-names';
import { RequestBody } from './request-body';
import { useRequestDetail } from './use-request-logs';

/** One request in full, with the router's own explanation of where it went and why. */
export function RequestDrawer({ orgId, requestId, onClose }: { orgId: string; requestId: string; onClose(): void }) {
  const detail = useRequestDetail(orgId, requestId);
  const { memberName } = useNames();
  const { can } = useOrg();
  return (
    <Dialog title="Request details" onClose={onClose} drawer>
      <QueryState query={detail} label="the request">
        {(r) => (
          <>
            <dl className="meta-list">
              <dt>Request id</dt>
              <dd className="mono">{r.requestId}</dd>
              <dt>Time</dt>
              <dd>{formatDateTime(r.createdAt)}</dd>
              <dt>Status</dt>
              <dd>
                <Badge tone={statusTone(r.status)}>{r.status}</Badge> {r.errorCode && <code>{r.errorCode}</code>}
              </dd>
              <dt>Model</dt>
              <dd>
                {r.model} <span className="muted">({r.operation}{r.streamed ? ', streamed' : ''})</span>
              </dd>
              <dt>Provider</dt>
              <dd data-testid="request-provider">{r.providerAccountName ?? <span className="muted">—</span>}</dd>
              <dt>API key</dt>
              <dd>{r.apiKeyName ?? <span className="muted">—</span>}</dd>
              <dt>Member</dt>
              <dd>{r.userId ? memberName(r.userId) : <span className="muted">—</span>}</dd>
              <dt>Latency</dt>
              <dd>
                {formatMs(r.latencyMs)} total · {formatMs(r.ttftMs)} to first token
              </dd>
              <dt>Cost</dt>
              <dd data-testid="request-cost">{formatDollars(r.cost)}</dd>
            </dl>
            <h3 className="subheading">Tokens</h3>
            <dl className="meta-list">
              <dt>Input</dt>
              <dd>{formatNumber(r.inputTokens)}</dd>
              <dt>Cached input</dt>
              <dd>{formatNumber(r.cachedInputTokens)}</dd>
              <dt>Cache writes</dt>
              <dd>{formatNumber(r.cacheWriteTokens)}</dd>
              <dt>Output</dt>
              <dd>{formatNumber(r.outputTokens)}</dd>
              <dt>Reasoning</dt>
              <dd>{formatNumber(r.reasoningTokens)}</dd>
              {r.images > 0 && (
                <>
                  <dt>Images</dt>
                  <dd>{formatNumber(r.images)}</dd>
                </>
              )}
            </dl>
            <h3 className="subheading">Routing</h3>
            {r.routing.length > 0 ? (
              <ol className="explanation" data-testid="routing-explanation">
                {r.routing.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ol>
            ) : (
              <p className="muted">No routing decision was recorded (the request was refused before routing).</p>
            )}
            {can('requestBodies:read') && (
              <>
                <h3 className="subheading">Prompt and answer</h3>
                <RequestBody orgId={orgId} requestId={r.requestId} />
              </>
            )}
          </>
        )}
      </QueryState>
    </Dialog>
  );
}
