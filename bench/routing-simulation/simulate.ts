import type { RouteDeployment } from '../../apps/api/src/router/route.types';
import { seededRandom } from '../../apps/api/src/router/strategies/__fixtures__/candidates';
import { decide } from '../../apps/api/src/router/strategies/routing-decision';
import type { Candidate, CandidateSignals, StrategyName, StrategyOptions } from '../../apps/api/src/router/strategies/routing-strategy';
import { attemptFinished, attemptStarted, emptySignals } from '../../apps/api/src/router/strategies/signals';
import type { SimDeployment } from './fleet';

const MAX_ATTEMPTS = 3;
const TIMEOUT_MS = 10_000;
/** 20 requests per second: about 25-40 in flight, enough for load to matter. */
const MEAN_GAP_MS = 50;
const MAX_OUTPUT_TOKENS = 512;
/** Time to first token as a share of the total latency. */
const TTFT_SHARE = 0.3;
/** Errors come back quickly (a 5xx after a fraction of the usual time), timeouts do not. */
const FAILURE_LATENCY_SHARE = 0.3;

export interface SimResult {
  strategy: StrategyName;
  requests: number;
  /** Requests that succeeded within MAX_ATTEMPTS attempts. */
  successRate: number;
  firstAttemptSuccessRate: number;
  /** Dollars per request (successful attempts are billed; failed ones are not). */
  meanCost: number;
  p50LatencyMs: number;
  /** End to end, failover included, over every request. */
  p95LatencyMs: number;
  /** Share of first attempts per deployment. */
  firstPickShare: Record<string, number>;
}

interface Job {
  arrival: number;
  promptTokens: number;
  outputTokens: number;
  order: string[];
  attempt: number;
}
interface Completion {
  at: number;
  job: Job;
  deploymentId: string;
  ok: boolean;
  latencyMs: number;
}

const gaussian = (random: () => number) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

function routeDeployment(d: SimDeployment): RouteDeployment {
  return {
    id: d.id, upstreamModel: d.id, weight: d.weight, priority: d.priority,
    account: { id: d.id, name: d.id, kind: 'openai', baseUrl: 'http://mock', vendor: null, settings: {}, headers: {}, keys: [] },
  };
}

/**
 * A discrete-event run of `requests` requests through one strategy. Arrivals and request sizes come
 * from `seed` alone, so every strategy faces the same workload; the gateway loop is the real one in
 * miniature: order once, try up to 3 deployments in that order, feed every outcome back into the signals.
 */
export function simulate(strategy: StrategyName, fleet: SimDeployment[], requests: number, seed: number, options: StrategyOptions = {}): SimResult {
  const workload = seededRandom(seed);
  const luck = seededRandom(seed ^ 0x5bd1e995);
  const ctx = { random: seededRandom(seed ^ 0x27d4eb2f), state: new Map<string, unknown>(), modelId: 'sim' };
  const byId = new Map(fleet.map((d) => [d.id, d]));
  const signals = new Map<string, CandidateSignals>(fleet.map((d) => [d.id, emptySignals()]));
  const deployments = new Map(fleet.map((d) => [d.id, routeDeployment(d)]));

  let clock = 0;
  const arrivals = Array.from({ length: requests }, (_, i) => {
    clock += -Math.log(1 - workload()) * MEAN_GAP_MS;
    return { at: clock, stickyKey: `user-${i % 200}`, promptTokens: 200 + Math.floor(workload() * 2800), outputTokens: 50 + Math.floor(workload() * 462) };
  });
  const degradedFrom = (d: SimDeployment) => (d.degrade ? arrivals[Math.floor(d.degrade.at * requests)]?.at ?? Infinity : Infinity);

  const pending: Completion[] = []; // sorted by time, earliest last (pop)
  const totals = { ok: 0, firstOk: 0, cost: 0 };
  const latencies: number[] = [];
  const firstPicks: Record<string, number> = {};

  const start = (job: Job, now: number) => {
    const d = byId.get(job.order[job.attempt]!)!;
    const s = attemptStarted(signals.get(d.id)!);
    signals.set(d.id, s);
    const degraded = now >= degradedFrom(d);
    const failureRate = degraded ? d.degrade!.failureRate : d.failureRate;
    const load = Math.max(1, s.inFlight / d.capacity);
    let latencyMs = d.latencyMs * (degraded ? d.degrade!.latencyFactor : 1) * load * Math.exp(0.35 * gaussian(luck));
    let ok = luck() >= failureRate;
    if (!ok) latencyMs *= FAILURE_LATENCY_SHARE;
    if (latencyMs > TIMEOUT_MS) [ok, latencyMs] = [false, TIMEOUT_MS];
    const done: Completion = { at: now + latencyMs, job, deploymentId: d.id, ok, latencyMs };
    const index = pending.findIndex((c) => c.at < done.at);
    pending.splice(index < 0 ? pending.length : index, 0, done);
  };

  const finish = ({ at, job, deploymentId, ok, latencyMs }: Completion) => {
    signals.set(deploymentId, attemptFinished(signals.get(deploymentId)!, { ok, latencyMs, ttftMs: ok ? latencyMs * TTFT_SHARE : null }));
    if (!ok && job.attempt + 1 < Math.min(MAX_ATTEMPTS, job.order.length)) {
      job.attempt++;
      return start(job, at);
    }
    latencies.push(at - job.arrival);
    if (!ok) return;
    const { pricing } = byId.get(deploymentId)!;
    totals.ok++;
    if (job.attempt === 0) totals.firstOk++;
    totals.cost += (job.promptTokens * pricing.inputPerMillion + job.outputTokens * pricing.outputPerMillion) / 1e6;
  };

  for (const arrival of arrivals) {
    while (pending.length && pending.at(-1)!.at <= arrival.at) finish(pending.pop()!);
    const candidates: Candidate[] = fleet.map((d) => ({ deployment: deployments.get(d.id)!, signals: signals.get(d.id)!, pricing: d.pricing, quality: d.quality }));
    const request = { promptTokens: arrival.promptTokens, maxOutputTokens: MAX_OUTPUT_TOKENS, stickyKey: arrival.stickyKey, features: { tags: [], headers: {}, metadata: {}, promptChars: arrival.promptTokens * 4, hasTools: false, hasImages: false } };
    const order = decide({ model: null, strategy, options }, candidates, request, ctx).ordered.map((s) => s.candidate.deployment.id);
    firstPicks[order[0]!] = (firstPicks[order[0]!] ?? 0) + 1;
    start({ arrival: arrival.at, promptTokens: arrival.promptTokens, outputTokens: arrival.outputTokens, order, attempt: 0 }, arrival.at);
  }
  while (pending.length) finish(pending.pop()!);

  latencies.sort((a, b) => a - b);
  return {
    strategy,
    requests,
    successRate: totals.ok / requests,
    firstAttemptSuccessRate: totals.firstOk / requests,
    meanCost: totals.cost / requests,
    p50LatencyMs: percentile(latencies, 0.5),
    p95LatencyMs: percentile(latencies, 0.95),
    firstPickShare: Object.fromEntries(fleet.map((d) => [d.id, (firstPicks[d.id] ?? 0) / requests])),
  };
}
