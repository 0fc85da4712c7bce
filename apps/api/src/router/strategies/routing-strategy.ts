import type { RouteDeployment } from '../route.types';

import type { StrategyName } from '@ai-router/contracts';

export { STRATEGY_NAMES, type StrategyName } from '@ai-router/contracts';

/** Live numbers the gateway keeps per deployment (see signals.ts for the update rules). */
export interface CandidateSignals {
  inFlight: number;
  /** Total latency EWMA. */
  latencyEwmaMs: number | null;
  /** Time-to-first-token EWMA. */
  ttftEwmaMs: number | null;
  /** Smoothed 0..1 over recent requests. */
  successRate: number | null;
  samples: number;
}

/** Any currency unit per million tokens: only used to rank, never to bill. */
export interface CandidatePricing {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface Candidate {
  deployment: RouteDeployment;
  signals: CandidateSignals;
  pricing: CandidatePricing | null;
  /** 0..1, given by an admin. */
  quality: number | null;
}

export interface RequestFeatures {
  tags: string[];
  /** Names lower-cased, as Fastify gives them. */
  headers: Record<string, string>;
  metadata: Record<string, string>;
  promptChars: number;
  hasTools: boolean;
  hasImages: boolean;
}

export interface RoutingRequest {
  promptTokens: number;
  maxOutputTokens: number;
  stickyKey: string | null;
  features: RequestFeatures;
}

export interface CompositeWeights {
  cost: number;
  latency: number;
  successRate: number;
  quality: number;
}

/** All optional; each strategy falls back to the defaults in strategy-helpers.ts. */
export interface StrategyOptions {
  weights?: Partial<CompositeWeights>;
  /** composite: zero-price deployments (free quota) go first. lowest-cost puts them first anyway. */
  preferFree?: boolean;
  /** Share of TTFT in the latency blend, 0..1 (the rest is total latency). */
  ttftShare?: number;
  /** lowest-latency: probability of trying a deployment that has no samples yet. */
  exploreRate?: number;
}

export interface StrategyContext {
  random: () => number;
  /** Per model, survives across requests (cursors, smooth-WRR weights). */
  state: Map<string, unknown>;
  modelId: string;
  options: StrategyOptions;
}

/**
 * `score` is the value the strategy ranked by (its unit is in the note); null when the strategy has no
 * per-candidate number (random, unknown price...).
 */
export interface ScoredCandidate {
  candidate: Candidate;
  score: number | null;
  note?: string;
}

export interface RoutingDecision {
  strategy: StrategyName;
  /** Name or index of the conditional rule that picked the strategy, if any. */
  rule?: string;
  /** Attempt order: first is chosen, the rest are the failover order. */
  ordered: ScoredCandidate[];
  /** Filtered out before the strategy ran (health, breaker, cooldown, permissions). */
  excluded: { deploymentId: string; reason: string }[];
}

export interface RoutingStrategy {
  readonly name: StrategyName;
  /** Returns every candidate exactly once, in attempt order. Must not mutate its inputs. */
  order(candidates: readonly Candidate[], request: RoutingRequest, ctx: StrategyContext): ScoredCandidate[];
}
