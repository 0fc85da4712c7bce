import { describe, expect, it } from 'vitest';
import { MIXED_FLEET } from '../../../../../bench/routing-simulation/fleet';
import { simulateAll, toMarkdown, writeReport } from '../../../../../bench/routing-simulation/report';
import { simulate, type SimResult } from '../../../../../bench/routing-simulation/simulate';

const REQUESTS = 5000;
const SEED = 2024;

/**
 * The issue claims composite beats round robin on success rate and p95 latency at no higher cost. With
 * 3 attempts over distinct deployments, success after failover saturates for both (>= 99.9%; over 20
 * seeds x 5,000 requests: 7 vs 6 failed requests), so the strict claim cannot be shown there; the
 * strategy shows in first-attempt success (how often a user waits for a failover), p95 and cost.
 */
function expectCompositeBeatsRoundRobin(composite: SimResult, roundRobin: SimResult) {
  expect(composite.firstAttemptSuccessRate).toBeGreaterThan(roundRobin.firstAttemptSuccessRate);
  expect(composite.p95LatencyMs).toBeLessThan(roundRobin.p95LatencyMs);
  expect(composite.meanCost).toBeLessThanOrEqual(roundRobin.meanCost);
  expect(composite.successRate).toBeGreaterThan(0.999);
  // No worse after failover than round robin, give or take 5 requests in 5,000.
  expect(composite.successRate).toBeGreaterThanOrEqual(roundRobin.successRate - 0.001);
}

describe('routing simulation (mixed fleet, 5,000 requests)', () => {
  const results = simulateAll(MIXED_FLEET, REQUESTS, SEED);
  const of = (name: string) => results.find((r) => r.strategy === name)!;

  it('composite beats round robin on first-attempt success and p95 latency at no higher mean cost', () => {
    expectCompositeBeatsRoundRobin(of('composite'), of('round-robin'));
  });

  it.each([1, 7, 99])('and keeps doing so with seed %i', (seed) => {
    expectCompositeBeatsRoundRobin(simulate('composite', MIXED_FLEET, REQUESTS, seed), simulate('round-robin', MIXED_FLEET, REQUESTS, seed));
  });

  it('shows why flooding is bad: lowest-cost sends everything to the cheap deployment and overloads it', () => {
    expect(of('lowest-cost').firstPickShare['fast-cheap-flaky']).toBe(1);
    expect(of('lowest-cost').p95LatencyMs).toBeGreaterThan(3 * of('composite').p95LatencyMs);
  });

  it('replays exactly from the seed', () => {
    expect(simulate('lowest-latency', MIXED_FLEET, 1000, 5)).toEqual(simulate('lowest-latency', MIXED_FLEET, 1000, 5));
  });

  it('reports every strategy, and writes the table with WRITE_REPORT=1', () => {
    const markdown = toMarkdown(results, MIXED_FLEET, SEED);
    for (const r of results) expect(markdown).toContain(`| ${r.strategy} |`);
    if (process.env.WRITE_REPORT === '1') writeReport(markdown);
  });
});
