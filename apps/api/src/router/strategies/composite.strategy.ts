import type { Candidate, CompositeWeights, RoutingRequest, RoutingStrategy, StrategyOptions } from './routing-strategy';
import { estimateCost, isFree, laplaceRate, loadedLatency, rankAscending, ttftShareOf, weightsOf } from './strategy-helpers';

/** Each part 0..1, 1 = best among these candidates. */
export type CompositeParts = Record<keyof CompositeWeights, number>;
export interface CompositeScore {
  score: number;
  parts: CompositeParts;
}

/** Ratio to the best value, not min-max: 1.00 vs 1.01 stays 1 vs 0.99 instead of becoming 1 vs 0. */
const relativeToBest = (best: number, value: number): number => (value <= 0 ? 1 : best / value);
const minOf = (values: (number | null)[]): number => Math.min(...values.filter((v): v is number => v !== null));

/**
 * Normalised parts: cost and load-aware latency relative to the cheapest/fastest candidate; success
 * rate as a Beta(1,1) posterior mean; quality as given. Unknowns: price -> 0 (worst), latency, success
 * and quality -> 0.5, so a new deployment is neither shunned nor preferred.
 */
export function compositeScores(candidates: readonly Candidate[], request: RoutingRequest, options: StrategyOptions): Map<Candidate, CompositeScore> {
  const weights = weightsOf(options);
  const share = ttftShareOf(options);
  const costs = candidates.map((c) => estimateCost(c.pricing, request));
  const latencies = candidates.map((c) => (c.signals.samples > 0 ? loadedLatency(c.signals, share) : null));
  const bestCost = minOf(costs);
  const bestLatency = minOf(latencies);
  const totalWeight = weights.cost + weights.latency + weights.successRate + weights.quality;

  return new Map(candidates.map((c, i) => {
    const cost = costs[i]!;
    const latency = latencies[i]!;
    const parts: CompositeParts = {
      cost: cost === null ? 0 : relativeToBest(bestCost, cost),
      latency: latency === null ? 0.5 : relativeToBest(bestLatency, latency),
      successRate: laplaceRate(c.signals.successRate, c.signals.samples),
      quality: c.quality ?? 0.5,
    };
    const sum = (Object.keys(parts) as (keyof CompositeWeights)[]).reduce((acc, k) => acc + weights[k] * parts[k], 0);
    return [c, { score: totalWeight > 0 ? sum / totalWeight : 0, parts }];
  }));
}

export const compositeNote = ({ parts }: CompositeScore): string =>
  `cost ${parts.cost.toFixed(2)} · latency ${parts.latency.toFixed(2)} · success ${parts.successRate.toFixed(2)} · quality ${parts.quality.toFixed(2)} (1 = best)`;

/**
 * Highest weighted score first. With `preferFree`, zero-price deployments (a provider's free quota)
 * lead, ranked by score among themselves: once the quota is spent the provider answers 429 and the
 * gateway's cooldown removes them before the strategy runs, so paid ones take over by themselves.
 */
export const composite: RoutingStrategy = {
  name: 'composite',
  order(candidates, request, ctx) {
    const scores = compositeScores(candidates, request, ctx.options);
    const leadsAsFree = (c: Candidate) => ctx.options.preferFree === true && isFree(c.pricing);
    // Scores are within 0..1, so a 2-point head start puts every free deployment ahead of every paid one.
    const ranked = rankAscending(candidates, (c) => (leadsAsFree(c) ? -2 : 0) - scores.get(c)!.score, ctx.random);
    return ranked.map((candidate) => {
      const s = scores.get(candidate)!;
      return { candidate, score: s.score, note: (leadsAsFree(candidate) ? 'free quota first; ' : '') + compositeNote(s) };
    });
  },
};
