import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { ClusterEventsService } from '../cluster/cluster-events.service';

/** Failures within the window that open the breaker, if they are also most of the recent calls. */
const FAILURE_THRESHOLD = 5;
const WINDOW_MS = 30_000;
const MIN_FAILURE_RATIO = 0.5;
/** How long an open breaker keeps the deployment out before one probe may try it. */
const OPEN_MS = 30_000;

export type BreakerState = 'closed' | 'open' | 'half-open';

interface Breaker {
  state: BreakerState;
  openUntil: number;
  /** Outcomes in the window: timestamps of failures and successes. */
  failures: number[];
  successes: number[];
  probeInFlight: boolean;
}

/**
 * One circuit breaker per deployment (closed -> open -> half-open -> closed). Opening and closing are
 * announced to every instance, so a failing deployment leaves the whole fleet's rotation at once.
 */
@Injectable()
export class CircuitBreakerService implements OnModuleDestroy {
  private readonly breakers = new Map<string, Breaker>();
  private readonly unsubscribe: () => void;

  constructor(private readonly events: ClusterEventsService) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type !== 'breaker.changed') return;
      const b = this.breaker(event.deploymentId);
      if (event.state === 'open') Object.assign(b, { state: 'open', openUntil: event.until, probeInFlight: false });
      else Object.assign(b, { state: 'closed', failures: [], successes: [], probeInFlight: false });
    });
  }

  /** Whether a call may go to this deployment now; in half-open, only one probe at a time. */
  allow(deploymentId: string, now = Date.now()): boolean {
    const b = this.breakers.get(deploymentId);
    if (!b || b.state === 'closed') return true;
    if (b.state === 'open' && now < b.openUntil) return false;
    if (b.probeInFlight) return false;
    b.state = 'half-open';
    b.probeInFlight = true;
    return true;
  }

  state(deploymentId: string): BreakerState {
    const b = this.breakers.get(deploymentId);
    if (!b) return 'closed';
    return b.state === 'open' && Date.now() >= b.openUntil ? 'half-open' : b.state;
  }

  /** How many known deployments' breakers are in each state (for the metrics scrape). */
  countByState(): Record<BreakerState, number> {
    const counts: Record<BreakerState, number> = { closed: 0, open: 0, 'half-open': 0 };
    for (const id of this.breakers.keys()) counts[this.state(id)]++;
    return counts;
  }

  recordSuccess(deploymentId: string, now = Date.now()): void {
    const b = this.breaker(deploymentId);
    if (b.state === 'half-open') {
      void this.events.publish({ type: 'breaker.changed', deploymentId, state: 'closed', until: now });
      return;
    }
    b.successes.push(now);
    prune(b, now);
  }

  recordFailure(deploymentId: string, now = Date.now()): void {
    const b = this.breaker(deploymentId);
    if (b.state === 'half-open') return this.open(deploymentId, now);
    b.failures.push(now);
    prune(b, now);
    const total = b.failures.length + b.successes.length;
    if (b.failures.length >= FAILURE_THRESHOLD && b.failures.length / total >= MIN_FAILURE_RATIO) this.open(deploymentId, now);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private open(deploymentId: string, now: number): void {
    void this.events.publish({ type: 'breaker.changed', deploymentId, state: 'open', until: now + OPEN_MS });
  }

  private breaker(deploymentId: string): Breaker {
    let b = this.breakers.get(deploymentId);
    if (!b) {
      b = { state: 'closed', openUntil: 0, failures: [], successes: [], probeInFlight: false };
      this.breakers.set(deploymentId, b);
    }
    return b;
  }
}

function prune(b: Breaker, now: number): void {
  const from = now - WINDOW_MS;
  while (b.failures.length && b.failures[0]! < from) b.failures.shift();
  while (b.successes.length && b.successes[0]! < from) b.successes.shift();
}
