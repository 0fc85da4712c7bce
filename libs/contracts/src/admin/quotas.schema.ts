import { z } from 'zod';
import { dollarsSchema } from './billing.schema';

export const QUOTA_SCOPES = ['org', 'key', 'user'] as const;
export type QuotaScope = (typeof QUOTA_SCOPES)[number];
export const QUOTA_METRICS = ['requests', 'tokens', 'cost'] as const;
export type QuotaMetric = (typeof QUOTA_METRICS)[number];
export const QUOTA_PERIODS = ['minute', 'hour', 'day', 'week', 'month'] as const;
export type QuotaPeriod = (typeof QUOTA_PERIODS)[number];

/** A whole number as a string (token and request counts can exceed 2^53 in principle). */
const countSchema = z.string().trim().regex(/^[1-9]\d{0,17}$/, 'a positive whole number, e.g. "100000"');

const quotaShape = {
  name: z.string().trim().min(1).max(100),
  /** Who the quota counts: the whole org, one API key, or one member across all their keys. */
  scope: z.enum(QUOTA_SCOPES),
  /** The API key id (scope `key`) or user id (scope `user`); absent for `org`. */
  subjectId: z.uuid().nullable().optional(),
  metric: z.enum(QUOTA_METRICS),
  /** Calendar windows in UTC: a `day` quota resets at 00:00 UTC, a `week` one on Monday, a `month` one on the 1st. */
  period: z.enum(QUOTA_PERIODS),
  /** Requests or tokens as a whole-number string; cost in dollars ("25.00"). */
  limit: z.union([countSchema, dollarsSchema]),
  /** Soft thresholds in percent of the limit: crossing one notifies (`budget.threshold`) once per window. */
  thresholds: z.array(z.number().int().min(1).max(100)).max(10).default([]),
  /** A hard quota refuses requests that could exceed it (429 insufficient_quota); a soft one only notifies. */
  hard: z.boolean().default(true),
};

function checkSubject(q: { scope?: QuotaScope; subjectId?: string | null; metric?: QuotaMetric; limit?: string }, ctx: z.RefinementCtx): void {
  if (q.scope === 'org' && q.subjectId) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'an org quota has no subject' });
  if ((q.scope === 'key' || q.scope === 'user') && !q.subjectId) ctx.addIssue({ code: 'custom', path: ['subjectId'], message: `a ${q.scope} quota names its ${q.scope === 'key' ? 'API key' : 'user'}` });
  if (q.metric && q.metric !== 'cost' && q.limit !== undefined && !/^\d+$/.test(q.limit)) {
    ctx.addIssue({ code: 'custom', path: ['limit'], message: `a ${q.metric} limit is a whole number` });
  }
}

export const createQuotaSchema = z.strictObject(quotaShape).superRefine(checkSubject);
export type CreateQuota = z.infer<typeof createQuotaSchema>;
export type CreateQuotaInput = z.input<typeof createQuotaSchema>;

/** Scope, subject and metric are what a quota is; to change them, create another. */
export const updateQuotaSchema = z.strictObject({
  name: quotaShape.name.optional(),
  period: quotaShape.period.optional(),
  limit: quotaShape.limit.optional(),
  thresholds: z.array(z.number().int().min(1).max(100)).max(10).optional(),
  hard: z.boolean().optional(),
});
export type UpdateQuota = z.infer<typeof updateQuotaSchema>;

export interface QuotaView {
  id: string;
  name: string;
  scope: QuotaScope;
  subjectId: string | null;
  metric: QuotaMetric;
  period: QuotaPeriod;
  /** Count as a string, or dollars with 9 decimals for cost. */
  limit: string;
  thresholds: number[];
  hard: boolean;
  /** The current window: what was consumed, what in-flight requests have reserved, and when it resets. */
  current: { used: string; reserved: string; windowStart: string; resetsAt: string };
  createdAt: string;
}
