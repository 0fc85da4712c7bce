import type { CandidatePricing } from '../../apps/api/src/router/strategies/routing-strategy';

/** One simulated upstream: how it really behaves, which the strategies only learn through outcomes. */
export interface SimDeployment {
  id: string;
  priority: number;
  weight: number;
  /** Per million tokens, in dollars. */
  pricing: CandidatePricing;
  quality: number;
  /** Median total latency when not overloaded. */
  latencyMs: number;
  failureRate: number;
  /** Concurrent requests it serves at full speed; beyond that every request slows down proportionally. */
  capacity: number;
  /** From this fraction of the run on, latency is multiplied and the failure rate replaced. */
  degrade?: { at: number; latencyFactor: number; failureRate: number };
}

/**
 * The fleet from the routing issue: four deployments of one model with different trade-offs. Weights
 * are what an admin might set by hand (favour the cheap one); the dear one is the priority-1 backup.
 */
export const MIXED_FLEET: SimDeployment[] = [
  { id: 'fast-cheap-flaky', priority: 0, weight: 3, pricing: { inputPerMillion: 0.15, outputPerMillion: 0.6 }, quality: 0.6, latencyMs: 700, failureRate: 0.1, capacity: 12 },
  { id: 'medium', priority: 0, weight: 2, pricing: { inputPerMillion: 1, outputPerMillion: 3 }, quality: 0.75, latencyMs: 1500, failureRate: 0.02, capacity: 16 },
  { id: 'degrades-mid-run', priority: 0, weight: 2, pricing: { inputPerMillion: 0.5, outputPerMillion: 1.5 }, quality: 0.7, latencyMs: 1000, failureRate: 0.01, capacity: 16, degrade: { at: 0.5, latencyFactor: 4, failureRate: 0.4 } },
  { id: 'slow-reliable-dear', priority: 1, weight: 1, pricing: { inputPerMillion: 5, outputPerMillion: 15 }, quality: 0.9, latencyMs: 3000, failureRate: 0.002, capacity: 64 },
];
