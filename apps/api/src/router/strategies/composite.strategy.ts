import type { Candidate, CompositeWeights, RoutingRequest, RoutingStrategy, StrategyOptions } from './routing-strategy';
import { estimateCost, isFree, laplaceRate, loadedLatency, rankAscending, ttftShareOf, weightsOf } from './strategy-helpers';

/** Each part 0..1, 1 = best among these candidates. */
export type CompositeParts = Record<keyof CompositeWeights, number>;
export interface CompositeScore {
  score: number;
  parts: CompositeParts;
}

/**
 * Success points below the best that bring the success part to 0. Linear, not a ratio: 90% vs 99% must
 * weigh far more than 0.90/0.99 suggests (one request in ten fails over), yet 98% vs 99% stays close.
 */
const SUCCESS_SPAN = 0.25;

/** Ratio to the best value, not min-max: 1.00 vs 1.01 stays 1 vs 0.99 instead of becoming 1 vs 0. */
const relativeToBest = (best: number, value: number): number => (value <= 0 ? 1 : best / value);
const known = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null);

/**
 * Normalised parts: cost and load-aware latency relative to the cheapest/fastest candidate; success
 * rate (Beta(1,1)-smoothed, so thin evidence counts for less) by its distance to the best; quality as
 * given. Unknowns: price -> 0 (worst); latency, success and quality -> 0.5, so a new deployment is
 * neither shunned nor preferred.
 */
export function compositeScores(candidates: readonly Candidate[], request: RoutingRequest, options: StrategyOptions): Map<Candidate, CompositeScore> {
  const weights = weightsOf(options);
  const share = ttftShareOf(options);
  const costs = candidates.map((c) => estimateCost(c.pricing, request));
  const latencies = candidates.map((c) => (c.signals.samples > 0 ? loadedLatency(c.signals, share) : null));
  const successes = candidates.map((c) => (c.signals.samples > 0 ? laplaceRate(c.signals.successRate, c.signals.samples) : null));
  const bestCost = Math.min(...known(costs));
  const bestLatency = Math.min(...known(latencies));
  const bestSuccess = Math.max(...known(successes));
  const totalWeight = weights.cost + weights.latency + weights.successRate + weights.quality;

  return new Map(candidates.map((c, i) => {
    const [cost, latency, success] = [costs[i]!, latencies[i]!, successes[i]!];
    const parts: CompositeParts = {
      cost: cost === null ? 0 : relativeToBest(bestCost, cost),
      latency: latency === null ? 0.5 : relativeToBest(bestLatency, latency),
      successRate: success === null ? 0.5 : Math.max(0, 1 - (bestSuccess - success) / SUCCESS_SPAN),
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
