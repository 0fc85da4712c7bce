import type { RoutingStrategy } from './routing-strategy';
import { estimateCost, fmtNum, rankAscending } from './strategy-helpers';

/**
 * Cheapest worst-case cost for this request first (free deployments therefore lead on their own);
 * unknown prices last; equal prices in random order so they share the load.
 */
export const lowestCost: RoutingStrategy = {
  name: 'lowest-cost',
  order(candidates, request, ctx) {
    const cost = new Map(candidates.map((c) => [c, estimateCost(c.pricing, request)]));
    return rankAscending(candidates, (c) => cost.get(c)!, ctx.random).map((candidate) => {
      const score = cost.get(candidate)!;
      return {
        candidate,
        score,
        note: score === null
          ? 'price unknown'
          : `est. ${fmtNum(score)} for ${request.promptTokens} in + ${request.maxOutputTokens} out tokens`,
      };
    });
  },
};
