import type { RoutingStrategy } from './routing-strategy';
import { fmtPct, rankAscending, wilsonLowerBound } from './strategy-helpers';

/**
 * Ranked by the Wilson lower bound of the success rate, so 1/1 does not beat 990/1000. Conservative on
 * purpose: unmeasured deployments (bound 0) come after proven ones and only learn through failover.
 */
export const highestSuccessRate: RoutingStrategy = {
  name: 'highest-success-rate',
  order(candidates, _request, ctx) {
    const bound = new Map(candidates.map((c) => [c, wilsonLowerBound(c.signals.successRate, c.signals.samples)]));
    return rankAscending(candidates, (c) => -bound.get(c)!, ctx.random).map((candidate) => {
      const { successRate, samples } = candidate.signals;
      const score = bound.get(candidate)!;
      return {
        candidate,
        score,
        note: successRate === null || samples === 0
          ? 'no samples yet'
          : `success ${fmtPct(successRate)} over ${samples} (lower bound ${fmtPct(score)})`,
      };
    });
  },
};
