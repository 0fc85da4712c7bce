import type { RoutingStrategy } from './routing-strategy';
import { byId } from './strategy-helpers';

const CURRENT = 'weighted-round-robin.current';

/**
 * Smooth weighted round robin (nginx): every deployment gains its weight each request, the highest
 * current weight is chosen and pays back the total. Weights 5,1,1 give a a b a c a a, not a a a a a b c.
 * Failover follows the current weights (who would be picked next); zero weights come last.
 */
export const weightedRoundRobin: RoutingStrategy = {
  name: 'weighted-round-robin',
  order(candidates, _request, ctx) {
    const current = (ctx.state.get(CURRENT) as Map<string, number> | undefined) ?? new Map<string, number>();
    ctx.state.set(CURRENT, current);
    const live = candidates.filter((c) => c.deployment.weight > 0).sort(byId);
    // Forget deployments that are gone or excluded, so the map stays bounded and a returning one starts fresh.
    for (const id of current.keys()) if (!live.some((c) => c.deployment.id === id)) current.delete(id);

    let total = 0;
    for (const c of live) {
      total += c.deployment.weight;
      current.set(c.deployment.id, (current.get(c.deployment.id) ?? 0) + c.deployment.weight);
    }
    const weightOf = (id: string) => current.get(id)!;
    const ranked = live
      .map((candidate) => ({ candidate, score: weightOf(candidate.deployment.id) }))
      .sort((a, b) => b.score - a.score || byId(a.candidate, b.candidate));
    if (ranked[0]) current.set(ranked[0].candidate.deployment.id, ranked[0].score - total);

    const spare = candidates.filter((c) => !(c.deployment.weight > 0)).sort(byId);
    return [
      ...ranked.map((r) => ({ ...r, note: `weight ${r.candidate.deployment.weight}, current ${r.score} of ${total}` })),
      ...spare.map((candidate) => ({ candidate, score: 0, note: 'weight 0: last resort' })),
    ];
  },
};
