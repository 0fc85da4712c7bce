import { DEFAULT_COMPOSITE_WEIGHTS } from '@ai-router/contracts';
import type { Candidate, CandidatePricing, CandidateSignals, CompositeWeights, RoutingRequest, StrategyOptions } from './routing-strategy';

export const DEFAULT_WEIGHTS: CompositeWeights = DEFAULT_COMPOSITE_WEIGHTS;
const DEFAULT_TTFT_SHARE = 0.5;
const DEFAULT_EXPLORE_RATE = 0.05;
/** 95% confidence for the Wilson bound. */
const WILSON_Z = 1.96;

export const weightsOf = (options: StrategyOptions): CompositeWeights => ({ ...DEFAULT_WEIGHTS, ...options.weights });
export const ttftShareOf = (options: StrategyOptions): number => options.ttftShare ?? DEFAULT_TTFT_SHARE;
export const exploreRateOf = (options: StrategyOptions): number => options.exploreRate ?? DEFAULT_EXPLORE_RATE;

/** Code-unit order, not locale order: the same on every machine. */
export const byId = (a: Candidate, b: Candidate): number =>
  a.deployment.id < b.deployment.id ? -1 : a.deployment.id > b.deployment.id ? 1 : 0;

/** Fisher-Yates with the injected random. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Ascending by key, null keys last; equal keys in random order so equal deployments share the load. */
export function rankAscending<T>(items: readonly T[], key: (item: T) => number | null, random: () => number): T[] {
  const keyed = items.map((item) => ({ item, key: key(item), tie: random() }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === b.key ? a.tie - b.tie : a.key === null ? 1 : -1;
    return a.key - b.key || a.tie - b.tie;
  });
  return keyed.map((k) => k.item);
}

/** Draws without replacement in proportion to weight; zero weights keep their order at the end. */
export function weightedShuffle<T>(items: readonly T[], weight: (item: T) => number, random: () => number): T[] {
  const rest = items.filter((item) => weight(item) > 0);
  const out: T[] = [];
  while (rest.length) {
    let ticket = random() * rest.reduce((sum, item) => sum + weight(item), 0);
    const index = rest.findIndex((item) => (ticket -= weight(item)) < 0);
    out.push(...rest.splice(index < 0 ? rest.length - 1 : index, 1));
  }
  return [...out, ...items.filter((item) => !(weight(item) > 0))];
}

/** Worst case for this request: the whole prompt plus every output token it may produce. */
export function estimateCost(pricing: CandidatePricing | null, request: RoutingRequest): number | null {
  if (!pricing) return null;
  return (request.promptTokens * pricing.inputPerMillion + request.maxOutputTokens * pricing.outputPerMillion) / 1e6;
}

export const isFree = (pricing: CandidatePricing | null): boolean =>
  pricing !== null && pricing.inputPerMillion === 0 && pricing.outputPerMillion === 0;

/** TTFT/total blend; whichever one is known when the other is not. */
function blendedLatency(signals: CandidateSignals, ttftShare: number): number | null {
  const { latencyEwmaMs: total, ttftEwmaMs: ttft } = signals;
  if (total === null || ttft === null) return total ?? ttft;
  return ttftShare * ttft + (1 - ttftShare) * total;
}

/**
 * Latency times load (Finagle's "peak EWMA x pending"): a fast deployment with a queue stops looking
 * fast, which is what keeps latency-driven strategies from flooding it.
 */
export function loadedLatency(signals: CandidateSignals, ttftShare: number): number | null {
  const latency = blendedLatency(signals, ttftShare);
  return latency === null ? null : latency * (1 + signals.inFlight);
}

/**
 * Lower bound of the Wilson interval: 1 success out of 1 scores ~0.21, 990 out of 1,000 ~0.98, so a
 * lucky newcomer does not outrank a proven deployment. No samples -> 0.
 */
export function wilsonLowerBound(rate: number | null, samples: number): number {
  if (rate === null || samples <= 0) return 0;
  const z2 = WILSON_Z * WILSON_Z;
  const centre = rate + z2 / (2 * samples);
  const margin = WILSON_Z * Math.sqrt((rate * (1 - rate)) / samples + z2 / (4 * samples * samples));
  return Math.max(0, (centre - margin) / (1 + z2 / samples));
}

/** Beta(1,1) posterior mean (Laplace): no samples -> 0.5, 1/1 -> 0.67, 990/1000 -> 0.99; monotonic in evidence. */
export function laplaceRate(rate: number | null, samples: number): number {
  return rate === null || samples <= 0 ? 0.5 : (rate * samples + 1) / (samples + 2);
}

export const fmtMs = (ms: number): string => `${Math.round(ms)} ms`;
export const fmtPct = (x: number): string => `${(x * 100).toFixed(1)}%`;
export const fmtNum = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(3));

/** "latency ~120 ms (ttft 40 ms), 2 in flight" */
export function latencyNote(signals: CandidateSignals): string {
  const parts = [
    signals.latencyEwmaMs === null ? 'latency unknown' : `latency ~${fmtMs(signals.latencyEwmaMs)}`,
    signals.ttftEwmaMs === null ? '' : ` (ttft ${fmtMs(signals.ttftEwmaMs)})`,
  ];
  return `${parts.join('')}, ${signals.inFlight} in flight`;
}
