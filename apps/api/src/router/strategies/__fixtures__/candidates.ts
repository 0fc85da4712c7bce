import { seededRandom } from '@ai-router/mock-provider';
import type { RouteDeployment } from '../../route.types';
import type { Candidate, CandidateSignals, RoutingRequest, RoutingStrategy, StrategyContext, StrategyOptions } from '../routing-strategy';

// The mock's mulberry32, so every random decision in specs and the simulation can be replayed.
export { seededRandom };

export interface CandidateSpec {
  priority?: number;
  weight?: number;
  signals?: Partial<CandidateSignals>;
  price?: [input: number, output: number] | null;
  quality?: number | null;
}

export function deployment(id: string, priority = 0, weight = 1): RouteDeployment {
  return {
    id, priority, weight, upstreamModel: `up-${id}`,
    account: { id: `acct-${id}`, name: `acct-${id}`, kind: 'openai', baseUrl: 'http://upstream', vendor: null, settings: {}, headers: {}, keys: [] },
  };
}

export function candidate(id: string, spec: CandidateSpec = {}): Candidate {
  const price = spec.price === undefined ? [1, 2] : spec.price;
  return {
    deployment: deployment(id, spec.priority, spec.weight),
    signals: { inFlight: 0, latencyEwmaMs: null, ttftEwmaMs: null, successRate: null, samples: 0, ...spec.signals },
    pricing: price && { inputPerMillion: price[0], outputPerMillion: price[1] },
    quality: spec.quality ?? null,
  };
}

export function request(overrides: Partial<RoutingRequest> = {}): RoutingRequest {
  return {
    promptTokens: 1000, maxOutputTokens: 500, stickyKey: null,
    features: { tags: [], headers: {}, metadata: {}, promptChars: 4000, hasTools: false, hasImages: false },
    ...overrides,
  };
}

export function context(seed = 1, options: StrategyOptions = {}): StrategyContext {
  return { random: seededRandom(seed), state: new Map(), modelId: 'model', options };
}

export const ids = (ordered: readonly { candidate: Candidate }[]): string[] => ordered.map((s) => s.candidate.deployment.id);

/** How often each deployment is chosen first over `runs` requests with one context. */
export function firstPicks(strategy: RoutingStrategy, candidates: Candidate[], runs: number, ctx = context(), req = request()): Record<string, number> {
  const counts: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const first = ids(strategy.order(candidates, req, ctx))[0]!;
    counts[first] = (counts[first] ?? 0) + 1;
  }
  return counts;
}
