import { ScopeLease } from './scope-lease';
import type { AdmitResult, LeaseReturn, LeaseSource, LimitScope, TokenBucketStore } from './token-buckets';

/** Give-backs and token corrections go to Redis in one call per interval, not one per request. */
const FLUSH_INTERVAL_MS = 50;
/** Scopes per give-back call, so that one call never grows large. */
const GIVE_BACK_BATCH = 200;

/**
 * Token leases in front of the shared (Redis) buckets: each Redis admission also moves a small lease
 * of requests and tokens into this instance, and later requests covered by the leases of all their
 * scopes are admitted here without a round trip. Leased amounts left the shared bucket before any
 * local use, so instances together never admit more than the bucket allows; they may admit less by
 * what others hold, which the lease rule (see ADMIT and ScopeLease.ask) keeps small, and nothing
 * near the limit. Requests with a concurrency limit stay exact: one Redis call each way, as before.
 */
export class LeasedBucketStore implements TokenBucketStore {
  private readonly leases = new Map<string, ScopeLease>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly source: LeaseSource) {}

  async admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult> {
    if (this.closed || scopes.some((s) => s.limits.concurrency)) return this.source.admit(scopes, tokens, now);
    const leases = scopes.map((s) => {
      const lease = this.leaseOf(s.id);
      lease.demand(s.limits, tokens, now);
      return lease;
    });
    this.schedule();
    const local = admitLocally(leases, tokens, now);
    if (local) return local;
    const asks = leases.map((l) => l.ask(tokens, now));
    const result = await this.source.admitLeasing(scopes, tokens, now, asks).catch((err: unknown) => {
      leases.forEach((l, i) => l.settle(asks[i]!, now));
      throw err;
    });
    if (!result.admitted) {
      leases.forEach((l, i) => l.settle(asks[i]!, now));
      // Redis answers in order: leases granted to calls sent before this one may cover it now.
      return admitLocally(leases, tokens, now) ?? result;
    }
    leases.forEach((l, i) => l.settle(asks[i]!, now, result.leases[i], result.remaining[i]));
    if (this.closed) await this.flush(leases.map((l) => l.drain(now, true)).filter((r) => r !== null), now);
    return { admitted: true, remaining: result.remaining };
  }

  async release(scopes: LimitScope[], tokenDelta: number, now: number): Promise<void> {
    if (this.closed || scopes.some((s) => s.limits.concurrency)) return this.source.release(scopes, tokenDelta, now);
    if (tokenDelta === 0) return;
    for (const s of scopes) if (s.limits.tpm) this.leaseOf(s.id).correct(s.limits, tokenDelta);
    this.schedule();
  }

  /** Gives every lease and pending correction back; from now on each request goes to Redis, exactly. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const now = Date.now();
    const returns = [...this.leases.values()].map((l) => l.drain(now, true)).filter((r) => r !== null);
    this.leases.clear();
    await this.flush(returns, now);
  }

  private leaseOf(scope: string): ScopeLease {
    let lease = this.leases.get(scope);
    if (!lease) this.leases.set(scope, (lease = new ScopeLease(scope)));
    return lease;
  }

  /** One timer while anything is held or owed; unref'd so it never keeps the process alive. */
  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.tick(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    const now = Date.now();
    const returns: LeaseReturn[] = [];
    for (const [scope, lease] of this.leases) {
      const due = lease.drain(now);
      if (due) returns.push(due);
      if (lease.idle(now)) this.leases.delete(scope);
    }
    if (this.leases.size) this.schedule();
    await this.flush(returns, now);
  }

  /**
   * A failed give-back is dropped, not retried: the call may have been applied before the error, and
   * giving twice could admit beyond the limit. Dropped amounts come back as the buckets refill.
   */
  private async flush(returns: LeaseReturn[], now: number): Promise<void> {
    for (let i = 0; i < returns.length; i += GIVE_BACK_BATCH) {
      await this.source.giveBack(returns.slice(i, i + GIVE_BACK_BATCH), now).catch(() => undefined);
    }
  }
}

function admitLocally(leases: ScopeLease[], tokens: number, now: number): AdmitResult | null {
  if (!leases.every((l) => l.covers(tokens, now))) return null;
  for (const lease of leases) lease.take(tokens);
  return { admitted: true, remaining: leases.map((l) => l.remaining(now)) };
}
