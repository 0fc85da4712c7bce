import type { ModelView, RoutingPreview } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { shortId } from '../../lib/format';

/** Where the request would go, in order, with what was left out and why. */
export function PreviewResult({ preview, models }: { preview: RoutingPreview; models: ModelView[] }) {
  const deployment = (id: string) => {
    for (const m of models) {
      const d = m.deployments.find((x) => x.id === id);
      if (d) return `${m.name} → ${d.upstreamModel}`;
    }
    return shortId(id);
  };
  return (
    <div className="stack" aria-live="polite" data-testid="routing-preview">
      <div className="inline">
        <span>
          Model <code>{preview.model}</code>
        </span>
        <Badge tone="info">{preview.strategy}</Badge>
        {preview.rule && <Badge>rule: {preview.rule}</Badge>}
      </div>
      {preview.ordered.length === 0 ? (
        <div className="alert alert-warning">No deployment can take this request.</div>
      ) : (
        <div className="table-wrap card">
          <table className="table">
            <thead>
              <tr>
                <th className="num">#</th>
                <th>Provider</th>
                <th>Upstream model</th>
                <th className="num">Score</th>
                <th>Note</th>
              </tr>
            </thead>
            <tbody>
              {preview.ordered.map((c, i) => (
                <tr key={c.deploymentId}>
                  <td className="num">{i + 1}</td>
                  <td className="cell-strong">{c.provider}</td>
                  <td className="mono">{c.upstreamModel}</td>
                  <td className="num">{c.score === null ? '—' : c.score.toFixed(3)}</td>
                  <td className="cell-sub">{c.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.excluded.length > 0 && (
        <div>
          <h3 className="subheading">Excluded</h3>
          <ul className="plain-list">
            {preview.excluded.map((e) => (
              <li key={e.deploymentId}>
                <span className="mono">{deployment(e.deploymentId)}</span> <span className="muted">— {e.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview.explanation.length > 0 && (
        <div>
          <h3 className="subheading">Explanation</h3>
          <ol className="plain-list explanation">
            {preview.explanation.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
