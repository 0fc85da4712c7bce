import { z } from 'zod';

export const PROVIDER_KINDS = ['openai', 'openai-compatible', 'anthropic'] as const;

const headerMap = z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and dashes'), z.string().max(4096));

export const createProviderAccountSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(PROVIDER_KINDS),
  baseUrl: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
  headers: headerMap.optional(),
  /** The first credential of the account; more keys can be added to the pool later. */
  apiKey: z.string().min(1).max(8192),
  enabled: z.boolean().optional(),
});
export type CreateProviderAccount = z.infer<typeof createProviderAccountSchema>;

export const updateProviderAccountSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL').optional(),
  headers: headerMap.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateProviderAccount = z.infer<typeof updateProviderAccountSchema>;

export const addProviderKeySchema = z.strictObject({
  label: z.string().trim().min(1).max(100),
  apiKey: z.string().min(1).max(8192),
});
export type AddProviderKey = z.infer<typeof addProviderKeySchema>;

export interface ProviderKeyView {
  id: string;
  label: string;
  last4: string;
  enabled: boolean;
  createdAt: string;
}

export interface ProviderAccountView {
  id: string;
  name: string;
  kind: (typeof PROVIDER_KINDS)[number];
  baseUrl: string;
  headerNames: string[];
  enabled: boolean;
  keys: ProviderKeyView[];
  createdAt: string;
  updatedAt: string;
}
