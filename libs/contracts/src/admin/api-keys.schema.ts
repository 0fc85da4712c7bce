import { z } from 'zod';
import { type RateLimits, rateLimitsSchema } from './limits.schema';

const IPV4_CIDR = /^(\d{1,3})(\.\d{1,3}){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6_CIDR = /^[0-9a-f:]+(\/(12[0-8]|1[01]\d|\d{1,2}))?$/i;

/** An address or block clients may call from: `203.0.113.7`, `10.0.0.0/8`, `2001:db8::/32`. */
export const cidrSchema = z.string().trim().refine((v) => {
  if (IPV4_CIDR.test(v)) return v.split('/')[0]!.split('.').every((octet) => Number(octet) <= 255);
  return v.includes(':') && IPV6_CIDR.test(v);
}, 'must be an IPv4 or IPv6 address or CIDR block');

const keyRules = {
  allowedModels: z.array(z.string().min(1).max(200)).max(500).nullable().optional(),
  /** Provider account names or kinds this key may be routed to; null = any. */
  allowedProviders: z.array(z.string().min(1).max(100)).max(100).nullable().optional(),
  ipAllowlist: z.array(cidrSchema).max(100).nullable().optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  limits: rateLimitsSchema.optional(),
};

export const createApiKeySchema = z.strictObject({ name: z.string().trim().min(1).max(100), ...keyRules });
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

export const updateApiKeySchema = z.strictObject({ name: z.string().trim().min(1).max(100).optional(), ...keyRules });
export type UpdateApiKey = z.infer<typeof updateApiKeySchema>;

export type ApiKeyStatus = 'active' | 'suspended' | 'revoked' | 'expired';

export interface ApiKeyView {
  id: string;
  name: string;
  /** What people see: recognisable prefix + last 4 characters. */
  display: string;
  status: ApiKeyStatus;
  ownerId: string | null;
  allowedModels: string[] | null;
  allowedProviders: string[] | null;
  ipAllowlist: string[] | null;
  expiresAt: string | null;
  limits: RateLimits;
  lastRotatedAt: string | null;
  createdAt: string;
}

/** Returned once, at creation or rotation: the only time the secret exists outside the caller. */
export interface CreatedApiKey extends ApiKeyView {
  secret: string;
}
