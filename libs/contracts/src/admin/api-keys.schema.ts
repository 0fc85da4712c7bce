import { z } from 'zod';

export const createApiKeySchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  allowedModels: z.array(z.string().min(1).max(200)).max(500).nullable().optional(),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

export interface ApiKeyView {
  id: string;
  name: string;
  /** What people see: recognisable prefix + last 4 characters. */
  display: string;
  status: 'active' | 'suspended' | 'revoked';
  allowedModels: string[] | null;
  expiresAt: string | null;
  createdAt: string;
}

/** Returned once, at creation: the only time the secret exists outside the caller. */
export interface CreatedApiKey extends ApiKeyView {
  secret: string;
}
