import type { RateLimits } from '@ai-router/contracts';
import { bucketRemaining, type LeaseAsk, type LeaseReturn, refill, type ScopeRemaining } from './token-buckets';

/** How long a lease may be used. Buckets refill anyway; expiry only keeps a stale lease from lingering. */
export const LEASE_TTL_MS = 1_000;
/** A lease is sized to this much of the instance's recent demand on the scope, so it never strands much. */
export const LEASE_HORIZON_MS = 200;
/** Demand is counted per window; the busier of the last window and the current one sizes the lease. */
const DEMAND_WINDOW_MS = 1_000;

/**
 * This instance's side of one scope's shared buckets: requests and tokens already moved out of Redis
 * into a local lease, the demand that sizes the next ask, what waits to be given back, and the last
 * levels Redis reported (headers are those minus local use since).
 */
export class ScopeLease {
  private limits: RateLimits = {};
  private requests = 0;
  private tokens = 0;
  private expiresAt = 0;
  /** Asked for by Redis calls still under way, so concurrent calls do not each ask for a whole lease. */
  private askedRequests = 0;
  private askedTokens = 0;
  private callsUnderWay = 0;
  private returnRequests = 0;
  private returnTokens = 0;
  private windowStart = 0;
  private windowRequests = 0;
  private windowTokens = 0;
  private lastWindowRequests = 0;
  private lastWindowTokens = 0;
  private lastSeen = 0;
  private known: { requests: number; tokens: number; at: number; usedRequests: number; usedTokens: number } | null = null;

  constructor(readonly scope: string) {}

  /** Counts one request asking for admission; the busier the scope, the larger its next lease. */
  demand(limits: RateLimits, tokens: number, now: number): void {
    this.limits = limits;
    this.lastSeen = now;
    if (now - this.windowStart >= DEMAND_WINDOW_MS) {
      const consecutive = now - this.windowStart < 2 * DEMAND_WINDOW_MS;
      this.lastWindowRequests = consecutive ? this.windowRequests : 0;
      this.lastWindowTokens = consecutive ? this.windowTokens : 0;
      this.windowStart = now;
      this.windowRequests = 0;
      this.windowTokens = 0;
    }
    this.windowRequests += 1;
    this.windowTokens += tokens;
  }

  /** Whether the lease alone can admit a request of `tokens`; a tpm scope needs a live token lease even for 0 tokens. */
  covers(tokens: number, now: number): boolean {
    if (now >= this.expiresAt) return false;
    return (!this.limits.rpm || this.requests >= 1) && (!this.limits.tpm || this.tokens >= Math.max(1, tokens));
  }

  take(tokens: number): void {
    if (this.limits.rpm) this.requests -= 1;
    if (this.limits.tpm) this.tokens -= tokens;
    if (this.known) {
      this.known.usedRequests += 1;
      this.known.usedTokens += tokens;
    }
  }

  /** Best effort: the levels Redis last reported, less what this instance admitted locally since, refilled to now. */
  remaining(now: number): ScopeRemaining {
    const level = (limit: number | undefined, reported: number | undefined, used: number) =>
      limit && reported !== undefined && reported >= 0 ? bucketRemaining(limit, refill(reported - used, this.known!.at, limit, now)) : null;
    return {
      scope: this.scope,
      requests: level(this.limits.rpm, this.known?.requests, this.known?.usedRequests ?? 0),
      tokens: level(this.limits.tpm, this.known?.tokens, this.known?.usedTokens ?? 0),
    };
  }

  /**
   * What to ask Redis for with the next request: enough to reach about LEASE_HORIZON_MS of this
   * instance's recent demand (at least one more request like this one), less what is held or already
   * asked for. Redis grants at most a small share of what the bucket holds, so the lease shrinks to
   * nothing as the bucket empties.
   */
  ask(tokens: number, now: number): LeaseAsk {
    const live = now < this.expiresAt;
    const horizon = (perWindow: number) => Math.ceil((perWindow * LEASE_HORIZON_MS) / DEMAND_WINDOW_MS);
    const requestsWanted = Math.max(1, horizon(Math.max(this.lastWindowRequests, this.windowRequests)));
    const tokensWanted = Math.max(tokens, horizon(Math.max(this.lastWindowTokens, this.windowTokens)));
    const requestsShort = Math.max(0, requestsWanted - (live ? this.requests : 0) - this.askedRequests);
    const tokensShort = Math.max(0, tokensWanted - (live ? this.tokens : 0) - this.askedTokens);
    const asked = {
      requests: this.limits.rpm ? requestsShort : 0,
      // a token lease smaller than one such request could admit nothing
      tokens: this.limits.tpm && tokensShort > 0 ? Math.max(tokensShort, tokens) : 0,
    };
    this.askedRequests += asked.requests;
    this.askedTokens += asked.tokens;
    this.callsUnderWay += 1;
    return asked;
  }

  /** Ends the Redis call that carried `asked`; when admitted, adds the granted lease and records the reported levels. */
  settle(asked: LeaseAsk, now: number, granted?: LeaseAsk, reported?: ScopeRemaining): void {
    this.askedRequests -= asked.requests;
    this.askedTokens -= asked.tokens;
    this.callsUnderWay -= 1;
    if (!granted || !reported) return;
    this.requests += granted.requests;
    this.tokens += granted.tokens;
    if (granted.requests || granted.tokens) this.expiresAt = now + LEASE_TTL_MS;
    this.known = { requests: reported.requests?.remaining ?? -1, tokens: reported.tokens?.remaining ?? -1, at: now, usedRequests: 0, usedTokens: 0 };
  }

  /**
   * Settles a finished request's tokens beyond (positive) or under (negative) its estimate against the
   * token lease, which is already out of Redis: a credit adds to it, a debit comes out of it. Only a
   * debit the lease cannot cover waits for the next give-back, charged as debt.
   */
  correct(limits: RateLimits, tokenDelta: number): void {
    this.limits = limits;
    const fromLease = Math.min(tokenDelta, this.tokens);
    this.tokens -= fromLease;
    this.returnTokens -= tokenDelta - fromLease;
    if (tokenDelta > 0) this.windowTokens += tokenDelta;
    if (this.known) this.known.usedTokens += tokenDelta;
  }

  /** Takes what is due back to Redis: corrections, and the lease once expired (or always, with `everything`). */
  drain(now: number, everything = false): LeaseReturn | null {
    if (everything || now >= this.expiresAt) {
      this.returnRequests += this.requests;
      this.returnTokens += this.tokens;
      this.requests = 0;
      this.tokens = 0;
    }
    if (!this.returnRequests && !this.returnTokens) return null;
    const due = { scope: this.scope, limits: this.limits, requests: this.returnRequests, tokens: this.returnTokens };
    this.returnRequests = 0;
    this.returnTokens = 0;
    return due;
  }

  /** Nothing held, owed or under way, and no demand for a while: the state can be forgotten. */
  idle(now: number): boolean {
    return !this.requests && !this.tokens && !this.returnRequests && !this.returnTokens && !this.callsUnderWay
      && now - this.lastSeen >= 2 * DEMAND_WINDOW_MS;
  }
}
