import { z } from 'zod';

const positive = z.number().int().positive();

/**
 * Rate limits for a key or an org: requests and tokens per minute (token buckets, bursts up to one
 * minute's worth) and requests in flight at once. An absent field means no limit at that level.
 */
export const rateLimitsSchema = z.strictObject({
  rpm: positive.max(10_000_000).optional(),
  tpm: positive.max(10_000_000_000).optional(),
  concurrency: positive.max(100_000).optional(),
});
export type RateLimits = z.infer<typeof rateLimitsSchema>;
