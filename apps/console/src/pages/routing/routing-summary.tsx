import type { RoutingConfig } from '@ai-router/contracts';
import { STRATEGY_HELP } from '../../routing-config/strategy-descriptions';

/** Read-only view of a routing config, for roles that cannot change it. */
export function RoutingSummary({ config }: { config: RoutingConfig | null }) {
  if (!config) return <p className="muted">No default set: models without their own routing use priority-failover.</p>;
  const options = Object.entries(config.options).filter(([, v]) => v !== undefined);
  return (
    <dl className="meta-list">
      <dt>Strategy</dt>
      <dd>
        <code>{config.name}</code> <span className="muted">— {STRATEGY_HELP[config.name]}</span>
      </dd>
      {options.length > 0 && (
        <>
          <dt>Options</dt>
          <dd className="mono">{options.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(' · ')}</dd>
        </>
      )}
      <dt>Rules</dt>
      <dd>
        {config.rules.length === 0 ? (
          'None'
        ) : (
          <ol className="plain-list">
            {config.rules.map((rule, i) => (
              <li key={i}>
                {rule.name && <strong>{rule.name}: </strong>}
                <span className="mono">when {JSON.stringify(rule.when)} then {JSON.stringify(rule.then)}</span>
              </li>
            ))}
          </ol>
        )}
      </dd>
    </dl>
  );
}
