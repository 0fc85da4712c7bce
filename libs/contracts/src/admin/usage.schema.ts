import { z } from 'zod';

export const USAGE_GROUPS = ['day', 'hour', 'model', 'provider', 'key', 'user', 'status'] as const;
export type UsageGroup = (typeof USAGE_GROUPS)[number];

/** Query of the usage analytics: a time range (default: the last 7 days) grouped by one dimension. */
export const usageQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  groupBy: z.enum(USAGE_GROUPS).default('day'),
  model: z.string().max(200).optional(),
  apiKeyId: z.string().uuid().optional(),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export interface UsageBucket {
  /** The group's value: an ISO time for day/hour, else a model name, provider account, key id, user id or status. */
  group: string;
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  images: number;
  /** Dollars with 9 decimals (exact). */
  cost: string;
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
}

export interface UsageReport {
  from: string;
  to: string;
  groupBy: UsageGroup;
  buckets: UsageBucket[];
  totals: Omit<UsageBucket, 'group' | 'p50LatencyMs' | 'p95LatencyMs'>;
}

/** A usage record the database refused while reachable, kept whole with the refusal (platform owner's view). */
export interface UsageDeadLetter {
  requestId: string;
  orgId: string | null;
  /** The database's refusal. */
  error: string;
  createdAt: string;
  /** The record as the gateway made it: correct it and replay it. Holds no secrets or bodies. */
  record: Record<string, unknown>;
}
