import { type AdmitResult, bucketRemaining, type LimitScope, msUntil, refill, type ScopeRemaining, type TokenBucketStore } from './token-buckets';

interface Bucket {
  level: number;
  at: number;
}

/** Token buckets in this process: exact for one instance (embedded mode), not shared. */
export class MemoryBucketStore implements TokenBucketStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly inFlight = new Map<string, number>();

  async admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult> {
    // Check everything first: a refusal must take nothing from any scope.
    for (const { id, limits } of scopes) {
      if (limits.concurrency && (this.inFlight.get(id) ?? 0) >= limits.concurrency) {
        return { admitted: false, scope: id, limit: 'concurrency', retryAfterMs: 1_000 };
      }
      if (limits.rpm) {
        const level = this.level(`${id}:rpm`, limits.rpm, now);
        if (level < 1) return { admitted: false, scope: id, limit: 'rpm', retryAfterMs: msUntil(level, 1, limits.rpm) };
      }
      if (limits.tpm) {
        const level = this.level(`${id}:tpm`, limits.tpm, now);
        const need = Math.min(tokens, limits.tpm);
        if (level < need) return { admitted: false, scope: id, limit: 'tpm', retryAfterMs: msUntil(level, need, limits.tpm) };
      }
    }
    const remaining: ScopeRemaining[] = [];
    for (const { id, limits } of scopes) {
      if (limits.concurrency) this.inFlight.set(id, (this.inFlight.get(id) ?? 0) + 1);
      const rpm = limits.rpm ? this.take(`${id}:rpm`, limits.rpm, 1, now) : null;
      const tpm = limits.tpm ? this.take(`${id}:tpm`, limits.tpm, tokens, now) : null;
      remaining.push({
        scope: id,
        requests: rpm === null ? null : bucketRemaining(limits.rpm!, rpm),
        tokens: tpm === null ? null : bucketRemaining(limits.tpm!, tpm),
      });
    }
    return { admitted: true, remaining };
  }

  async release(scopes: LimitScope[], tokenDelta: number, now: number): Promise<void> {
    for (const { id, limits } of scopes) {
      if (limits.concurrency) this.inFlight.set(id, Math.max(0, (this.inFlight.get(id) ?? 0) - 1));
      if (limits.tpm && tokenDelta !== 0) this.take(`${id}:tpm`, limits.tpm, tokenDelta, now);
    }
  }

  private level(key: string, limit: number, now: number): number {
    const b = this.buckets.get(key);
    return b ? refill(b.level, b.at, limit, now) : limit;
  }

  /** Takes `amount` (negative gives back); a bucket may go below zero: usage beyond the estimate is debt. */
  private take(key: string, limit: number, amount: number, now: number): number {
    const level = this.level(key, limit, now) - amount;
    this.buckets.set(key, { level, at: now });
    return level;
  }
}
