import { describe, expect, it } from 'vitest';
import type { ClusterEvent, ClusterEventsService } from '../cluster/cluster-events.service';
import { CircuitBreakerService } from './circuit-breaker.service';

/** A one-instance event bus: publish reaches local subscribers at once, as the real service does. */
function localEvents(): ClusterEventsService {
  const listeners: ((e: ClusterEvent) => void)[] = [];
  return {
    publish: async (e: ClusterEvent) => listeners.forEach((l) => l(e)),
    subscribe: (l: (e: ClusterEvent) => void) => {
      listeners.push(l);
      return () => undefined;
    },
  } as unknown as ClusterEventsService;
}

describe('CircuitBreakerService', () => {
  it('opens after repeated failures, probes once when the wait is over, and closes on success', () => {
    const breaker = new CircuitBreakerService(localEvents());
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) breaker.recordFailure('d', t0 + i);
    expect(breaker.allow('d', t0 + 10)).toBe(true);
    breaker.recordFailure('d', t0 + 5);
    expect(breaker.allow('d', t0 + 10)).toBe(false);
    expect(breaker.allow('d', t0 + 31_000)).toBe(true);
    expect(breaker.allow('d', t0 + 31_001)).toBe(false);
    breaker.recordSuccess('d', t0 + 31_002);
    expect(breaker.state('d')).toBe('closed');
    expect(breaker.allow('d', t0 + 31_003)).toBe(true);
  });

  it('re-opens when the probe fails', () => {
    const breaker = new CircuitBreakerService(localEvents());
    for (let i = 0; i < 5; i++) breaker.recordFailure('d', i);
    expect(breaker.allow('d', 31_000)).toBe(true);
    breaker.recordFailure('d', 31_001);
    expect(breaker.allow('d', 31_002)).toBe(false);
  });

  it('stays closed while failures are a minority of the traffic', () => {
    const breaker = new CircuitBreakerService(localEvents());
    for (let i = 0; i < 20; i++) breaker.recordSuccess('d', i);
    for (let i = 0; i < 6; i++) breaker.recordFailure('d', 100 + i);
    expect(breaker.allow('d', 200)).toBe(true);
  });

  it('counts known breakers by state for the metrics scrape', () => {
    const breaker = new CircuitBreakerService(localEvents());
    expect(breaker.countByState()).toEqual({ closed: 0, open: 0, 'half-open': 0 });
    breaker.recordSuccess('ok');
    for (let i = 0; i < 5; i++) breaker.recordFailure('down', Date.now() + i);
    for (let i = 0; i < 5; i++) breaker.recordFailure('probing', i);
    expect(breaker.countByState()).toEqual({ closed: 1, open: 1, 'half-open': 1 });
  });
});
