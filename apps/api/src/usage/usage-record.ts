import type { NormalizedUsage } from '@ai-router/providers';

/** What the gateway knows about one finished /v1 request; buffered as JSON until written (no secrets, no bodies). */
export interface UsageRecord {
  requestId: string;
  /** When the gateway received the request (ISO 8601): the row's created_at, so a replayed record keeps its key. */
  startedAt: string;
  orgId: string;
  apiKeyId: string | null;
  /** The key's owner, when the key belongs to a user. */
  userId: string | null;
  model: string;
  deploymentId: string | null;
  providerAccountId: string | null;
  operation: string;
  /** HTTP status the client saw; 499 when the client went away first. */
  status: number;
  usage: NormalizedUsage | null;
  latencyMs: number;
  ttftMs: number | null;
  streamed: boolean;
  errorCode: string | null;
  /** The routing decision explained, as `explain()` writes it. */
  routing: string[] | null;
  /** The prices the request is costed at (every org's usage has a cost); null for records without prices. */
  billing: UsageBilling | null;
  /** Whether the org pays for it from its balance: a hold was placed and the charge settles. */
  billed: boolean;
  /** What a billed request held against the balance, and the lease it came from (absent in older records). */
  hold?: UsageHold | null;
}

export interface UsageHold {
  /** Null for a hold of nothing (a free model). */
  leaseId: string | null;
  /** Nano-dollars, as a decimal string. */
  amount: string;
}

/** Prices travel as decimal strings (bigint is not JSON); the settlement converts them back. */
export interface UsageBilling {
  multiplierBp: number;
  price: Record<'inputPerMillion' | 'outputPerMillion' | 'cachedInputPerMillion' | 'cacheWritePerMillion' | 'perImage' | 'perRequest', string>;
  /** Prompt tokens as estimated for routing; what a client that left mid-stream is billed for when no usage arrived. */
  promptEstimate: number;
  /** Discounts when the request started; absent in records queued before discounts existed. */
  discount?: UsageDiscount;
}

/** Basis points off the charge, by the rule in billing/money.ts. */
export interface UsageDiscount {
  planBp: number;
  couponBp: number;
  /** The percent coupon's redemption when its total discount is capped (clamped at settlement). */
  cappedRedemptionId: string | null;
}
