import { z } from 'zod';

/** Every routing strategy the gateway implements; one `<name>.strategy.ts` file each in apps/api. */
export const STRATEGY_NAMES = [
  'round-robin',
  'weighted-round-robin',
  'random',
  'least-in-flight',
  'priority-failover',
  'lowest-latency',
  'highest-success-rate',
  'lowest-cost',
  'composite',
  'pareto',
  'consistent-hash',
] as const;
export type StrategyName = (typeof STRATEGY_NAMES)[number];

/** How the composite strategy weighs its criteria when the config names no weights. */
export const DEFAULT_COMPOSITE_WEIGHTS = { successRate: 0.4, latency: 0.3, cost: 0.2, quality: 0.1 } as const;

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
  .refine((w) => Object.values({ ...DEFAULT_COMPOSITE_WEIGHTS, ...w }).some((v) => v > 0), 'at least one weight must be above 0');

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
export const routingRuleSchema = z.strictObject({
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
  rules: z.array(routingRuleSchema).max(50).default([]),
});
export type RoutingConfig = z.infer<typeof strategyConfigSchema>;

/** A dry run of routing for the console's "try a request": nothing is sent upstream. */
export const routingPreviewSchema = z.strictObject({
  model: z.string().min(1).max(200),
  messages: z.array(z.unknown()).max(1000).optional(),
  tools: z.array(z.unknown()).max(128).optional(),
  user: z.string().max(256).optional(),
  metadata: z.record(z.string(), z.string().max(1000)).optional(),
  max_tokens: z.number().int().positive().optional(),
  /** Request headers to assume, e.g. `x-ai-router-tags` or a header a rule matches. */
  headers: z.record(z.string(), z.string().max(1000)).optional(),
});
export type RoutingPreviewRequest = z.infer<typeof routingPreviewSchema>;

export interface RoutingPreview {
  model: string;
  strategy: StrategyName;
  rule: string | null;
  ordered: { deploymentId: string; provider: string; upstreamModel: string; score: number | null; note: string | null }[];
  excluded: { deploymentId: string; reason: string }[];
  explanation: string[];
}
