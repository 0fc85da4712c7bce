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
}

export const MINUTE_MS = 60_000;

/** Bucket level after refilling at `limit` per minute since `at`, capped at one minute's worth (the burst). */
export function refill(level: number, at: number, limit: number, now: number): number {
  return Math.min(limit, level + ((now - at) * limit) / MINUTE_MS);
}

/** Time until `need` units are back in a bucket at `level` refilling at `limit` per minute. */
export function msUntil(level: number, need: number, limit: number): number {
  return level >= need ? 0 : Math.ceil(((need - level) * MINUTE_MS) / limit);
}
