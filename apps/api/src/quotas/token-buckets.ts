import type { RateLimits } from '@ai-router/contracts';

/** One party whose limits apply to a request: the key, the org. */
export interface LimitScope {
  /** Stable id, e.g. `key:<uuid>`; names the counters. */
  id: string;
  limits: RateLimits;
}

export interface ScopeRemaining {
  scope: string;
  requests: { limit: number; remaining: number; resetMs: number } | null;
  tokens: { limit: number; remaining: number; resetMs: number } | null;
}

export type AdmitResult =
  | { admitted: true; remaining: ScopeRemaining[] }
  | { admitted: false; scope: string; limit: 'rpm' | 'tpm' | 'concurrency'; retryAfterMs: number };

/** The counters behind the policy engine: Redis (atomic Lua, shared by replicas) or this process. */
export interface TokenBucketStore {
  /** Checks every scope and, only if all pass, takes one request, `tokens` tokens and one in-flight slot from each. */
  admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult>;
  /** Gives the in-flight slot back and corrects the token take by `tokenDelta` (actual minus estimate). */
  release(scopes: LimitScope[], tokenDelta: number, now: number): Promise<void>;
  /** Gives back whatever this instance holds for later; called once on shutdown. */
  close?(): Promise<void>;
}

/** Extra requests and tokens an instance asks to take, with a request, into its local lease of one scope. */
export interface LeaseAsk {
  requests: number;
  tokens: number;
}

/** Unused leased amounts and token corrections of one scope, put back into its shared buckets. */
export interface LeaseReturn {
  scope: string;
  limits: RateLimits;
  requests: number;
  /** Negative when requests used more tokens than estimated: charged as debt. */
  tokens: number;
}

export type LeasingAdmitResult = Exclude<AdmitResult, { admitted: true }> | { admitted: true; remaining: ScopeRemaining[]; leases: LeaseAsk[] };

/** The shared buckets behind a local lease layer (Redis). */
export interface LeaseSource extends TokenBucketStore {
  /** `admit`, and when admitted also takes up to `asks[i]` more from scope i's buckets as a lease (granted in `leases`). */
  admitLeasing(scopes: LimitScope[], tokens: number, now: number, asks: LeaseAsk[]): Promise<LeasingAdmitResult>;
  giveBack(returns: LeaseReturn[], now: number): Promise<void>;
}

export const MINUTE_MS = 60_000;

/** Bucket level after refilling at `limit` per minute since `at`, capped at one minute's worth (the burst). */
export function refill(level: number, at: number, limit: number, now: number): number {
  return Math.min(limit, level + ((now - at) * limit) / MINUTE_MS);
}

/** What a client is told of a bucket at `level`: whole units left, and the time until it is full again. */
export function bucketRemaining(limit: number, level: number): { limit: number; remaining: number; resetMs: number } {
  return { limit, remaining: Math.max(0, Math.floor(level)), resetMs: msUntil(level, limit, limit) };
}

/** Time until `need` units are back in a bucket at `level` refilling at `limit` per minute. */
export function msUntil(level: number, need: number, limit: number): number {
  return level >= need ? 0 : Math.ceil(((need - level) * MINUTE_MS) / limit);
}
