import type { Candidate, RoutingStrategy } from './routing-strategy';
import { weightedShuffle } from './strategy-helpers';

/**
 * Lower priority number first (backups after primaries), weighted random within one priority, zero
 * weights last within their priority. Same semantics as deployment-selector.ts `orderCandidates`.
 */
export const priorityFailover: RoutingStrategy = {
  name: 'priority-failover',
  order(candidates, _request, ctx) {
    const byPriority = new Map<number, Candidate[]>();
    for (const c of candidates) byPriority.set(c.deployment.priority, [...(byPriority.get(c.deployment.priority) ?? []), c]);
    return [...byPriority.keys()]
      .sort((a, b) => a - b)
      .flatMap((priority) => weightedShuffle(byPriority.get(priority)!, (c) => c.deployment.weight, ctx.random))
      .map((candidate) => ({
        candidate,
        score: candidate.deployment.priority,
        note: `priority ${candidate.deployment.priority}, weight ${candidate.deployment.weight}${candidate.deployment.weight > 0 ? '' : ' (last resort)'}`,
      }));
  },
};
