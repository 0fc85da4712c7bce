import { z } from 'zod';
import { composite } from './composite.strategy';
import type { StrategyConfig } from './conditional-rules';
import { consistentHash } from './consistent-hash.strategy';
import { highestSuccessRate } from './highest-success-rate.strategy';
import { leastInFlight } from './least-in-flight.strategy';
import { lowestCost } from './lowest-cost.strategy';
import { lowestLatency } from './lowest-latency.strategy';
import { pareto } from './pareto.strategy';
import { priorityFailover } from './priority-failover.strategy';
import { randomStrategy } from './random.strategy';
import { roundRobin } from './round-robin.strategy';
import { STRATEGY_NAMES, type RoutingStrategy, type StrategyName } from './routing-strategy';
import { DEFAULT_WEIGHTS } from './strategy-helpers';
import { weightedRoundRobin } from './weighted-round-robin.strategy';

export { STRATEGY_NAMES };

const STRATEGIES: Record<StrategyName, RoutingStrategy> = {
  'round-robin': roundRobin,
  'weighted-round-robin': weightedRoundRobin,
  random: randomStrategy,
  'least-in-flight': leastInFlight,
  'priority-failover': priorityFailover,
  'lowest-latency': lowestLatency,
  'highest-success-rate': highestSuccessRate,
  'lowest-cost': lowestCost,
  composite,
  pareto,
  'consistent-hash': consistentHash,
};

export function getStrategy(name: StrategyName): RoutingStrategy {
  return STRATEGIES[name];
}

const isRegex = (source: string): boolean => {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
};
const weight = z.number().min(0).max(100);
const unit = z.number().min(0).max(1);

const weightsSchema = z
  .strictObject({ cost: weight, latency: weight, successRate: weight, quality: weight })
  .partial()
  .refine((w) => Object.values({ ...DEFAULT_WEIGHTS, ...w }).some((v) => v > 0), 'at least one weight must be above 0');

export const strategyOptionsSchema = z.strictObject({
  weights: weightsSchema.optional(),
  preferFree: z.boolean().optional(),
  ttftShare: unit.optional(),
  exploreRate: unit.optional(),
});

const headerSchema = z
  .strictObject({
    name: z.string().min(1).max(100),
    equals: z.string().max(1000).optional(),
    matches: z.string().min(1).max(200).refine(isRegex, 'not a valid regular expression').optional(),
  })
  .refine((h) => h.equals === undefined || h.matches === undefined, 'use equals or matches, not both');

const chars = z.number().int().min(0);
const ruleSchema = z.strictObject({
  name: z.string().min(1).max(100).optional(),
  when: z
    .strictObject({
      tag: z.string().min(1).max(100).optional(),
      header: headerSchema.optional(),
      metadata: z.record(z.string().min(1).max(100), z.string().max(1000)).optional(),
      minPromptChars: chars.optional(),
      maxPromptChars: chars.optional(),
      hasTools: z.boolean().optional(),
      hasImages: z.boolean().optional(),
    })
    .refine((w) => w.minPromptChars === undefined || w.maxPromptChars === undefined || w.minPromptChars <= w.maxPromptChars, 'minPromptChars is above maxPromptChars'),
  then: z
    .strictObject({ model: z.string().min(1).max(200).optional(), strategy: z.enum(STRATEGY_NAMES).optional(), options: strategyOptionsSchema.optional() })
    .refine((t) => t.model !== undefined || t.strategy !== undefined || t.options !== undefined, 'a rule must change something'),
});

/** Per-model routing configuration as the admin API accepts it; rules are evaluated in order, first match wins. */
export const strategyConfigSchema = z.strictObject({
  name: z.enum(STRATEGY_NAMES).default('priority-failover'),
  options: strategyOptionsSchema.default({}),
  rules: z.array(ruleSchema).max(50).default([]),
}) satisfies z.ZodType<StrategyConfig>;
