import { z } from 'zod';
import { type RateLimits, rateLimitsSchema } from './limits.schema';
import { type PiiConfig, piiConfigSchema } from './pii.schema';
import { type RequestLogging, requestLoggingSchema } from './request-logging.schema';
import { type RoutingConfig, strategyConfigSchema } from './routing.schema';

export const ORG_ROLES = ['admin', 'developer', 'viewer'] as const;
export type OrgRoleName = (typeof ORG_ROLES)[number];

const slug = z.string().trim().min(2).max(50).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single dashes');

export const createOrgSchema = z.strictObject({ name: z.string().trim().min(1).max(100), slug: slug.optional() });
export type CreateOrg = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  /** The default routing of the org's models that have none of their own; null clears it. */
  routing: strategyConfigSchema.nullable().optional(),
  /** Limits shared by all of the org's keys. */
  limits: rateLimitsSchema.optional(),
  /** Limits for each client IP address calling with the org's keys. */
  ipLimits: rateLimitsSchema.optional(),
  /** Limits for each member across all of their keys. */
  userLimits: rateLimitsSchema.optional(),
  /** PII masking; null turns it off. */
  pii: piiConfigSchema.nullable().optional(),
  /** Request/response body logging; null turns it off. */
  requestLogging: requestLoggingSchema.nullable().optional(),
});
export type UpdateOrg = z.infer<typeof updateOrgSchema>;

export const changeRoleSchema = z.strictObject({ role: z.enum(ORG_ROLES) });
export type ChangeRole = z.infer<typeof changeRoleSchema>;

export const createInviteSchema = z.strictObject({ email: z.string().trim().toLowerCase().email(), role: z.enum(ORG_ROLES) });
export type CreateInvite = z.infer<typeof createInviteSchema>;

export const acceptInviteSchema = z.strictObject({
  token: z.string().min(20).max(200),
  /** Needed only when no account exists yet for the invited email. */
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10, 'use at least 10 characters').max(256).optional(),
});
export type AcceptInvite = z.infer<typeof acceptInviteSchema>;

export interface OrgView {
  id: string;
  name: string;
  slug: string;
  routing: RoutingConfig | null;
  limits: RateLimits;
  ipLimits: RateLimits;
  userLimits: RateLimits;
  pii: PiiConfig | null;
  requestLogging: RequestLogging | null;
  createdAt: string;
}

export interface MemberView {
  userId: string;
  email: string;
  name: string;
  role: OrgRoleName;
  joinedAt: string;
}

export interface InviteView {
  id: string;
  email: string;
  role: OrgRoleName;
  expiresAt: string;
  createdAt: string;
}

/** Returned once, when the invite is made: the token is the only way in. */
export interface CreatedInvite extends InviteView {
  token: string;
  /** Console path that accepts the invite. */
  acceptPath: string;
}

export interface AcceptedInvite {
  orgId: string;
  email: string;
  accountCreated: boolean;
}

export interface AuditEntryView {
  id: string;
  actorEmail: string | null;
  action: string;
  targetId: string | null;
  ip: string | null;
  status: number;
  details: Record<string, unknown>;
  createdAt: string;
}
