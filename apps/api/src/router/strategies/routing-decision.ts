import type { RoutePlan } from './conditional-rules';
import { getStrategy } from './registry';
import type { Candidate, RoutingDecision, RoutingRequest, StrategyContext } from './routing-strategy';
import { fmtNum } from './strategy-helpers';

/** Runs the planned strategy over the candidates that survived filtering; `excluded` is kept for `explain`. */
export function decide(
  plan: RoutePlan,
  candidates: readonly Candidate[],
  request: RoutingRequest,
  ctx: Omit<StrategyContext, 'options'>,
  excluded: RoutingDecision['excluded'] = [],
): RoutingDecision {
  const ordered = getStrategy(plan.strategy).order(candidates, request, { ...ctx, options: plan.options });
  return { strategy: plan.strategy, ...(plan.rule ? { rule: plan.rule } : {}), ordered, excluded };
}

const label = (c: Candidate): string => `${c.deployment.id} (${c.deployment.account.name}/${c.deployment.upstreamModel})`;

/** Readable lines for logs, the debug header and the console. */
export function explain(decision: RoutingDecision): string[] {
  const { ordered, excluded } = decision;
  return [
    `strategy ${decision.strategy}${decision.rule ? ` (from ${decision.rule})` : ''}: ${ordered.length} candidate(s), ${excluded.length} excluded`,
    ...ordered.map(({ candidate, score, note }, i) =>
      `${i === 0 ? 'chosen' : `fallback ${i}`}: ${label(candidate)}${score === null ? '' : `, score ${fmtNum(score)}`}${note ? ` - ${note}` : ''}`),
    ...excluded.map((e) => `excluded ${e.deploymentId}: ${e.reason}`),
    ...(ordered.length ? [] : ['no deployment can serve this request']),
  ];
}
