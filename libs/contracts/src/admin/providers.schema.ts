import { z } from 'zod';

export const PROVIDER_KINDS = ['openai', 'openai-compatible', 'anthropic', 'azure-openai', 'gemini', 'bedrock'] as const;
export type ProviderKindName = (typeof PROVIDER_KINDS)[number];

const headerMap = z.record(z.string().regex(/^[A-Za-z0-9-]+$/, 'header names are letters, digits and dashes'), z.string().max(4096));
const httpUrl = z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

/** Family settings: Azure `apiVersion`, Bedrock `region`. */
const settingsSchema = z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), z.string().max(200));

export const awsCredentialsSchema = z.strictObject({
  accessKeyId: z.string().min(16).max(128),
  secretAccessKey: z.string().min(16).max(256),
  sessionToken: z.string().max(4096).optional(),
});
export type AwsCredentials = z.infer<typeof awsCredentialsSchema>;

/** One credential: an API key, or AWS credentials for Bedrock. */
const credentialFields = {
  apiKey: z.string().min(1).max(8192).optional(),
  awsCredentials: awsCredentialsSchema.optional(),
};

export const createProviderAccountSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(PROVIDER_KINDS),
    /** Optional where the family or vendor preset has a default endpoint. */
    baseUrl: httpUrl.optional(),
    /** OpenAI-compatible vendor preset, e.g. `deepseek`, `groq`, `ollama`. */
    vendor: z.string().trim().min(1).max(50).optional(),
    settings: settingsSchema.optional(),
    headers: headerMap.optional(),
    ...credentialFields,
    enabled: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'bedrock') {
      if (!v.awsCredentials) ctx.addIssue({ code: 'custom', path: ['awsCredentials'], message: 'Bedrock needs AWS credentials' });
      if (!v.settings?.region) ctx.addIssue({ code: 'custom', path: ['settings', 'region'], message: 'Bedrock needs a region' });
    } else if (v.awsCredentials) {
      ctx.addIssue({ code: 'custom', path: ['awsCredentials'], message: 'only Bedrock accounts take AWS credentials' });
    }
    if (v.kind === 'azure-openai' && !v.baseUrl) {
      ctx.addIssue({ code: 'custom', path: ['baseUrl'], message: 'Azure needs the resource endpoint, e.g. https://<resource>.openai.azure.com' });
    }
    if (v.vendor && v.kind !== 'openai-compatible') {
      ctx.addIssue({ code: 'custom', path: ['vendor'], message: 'vendor presets apply to openai-compatible accounts' });
    }
  });
export type CreateProviderAccount = z.infer<typeof createProviderAccountSchema>;

export const updateProviderAccountSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  baseUrl: httpUrl.optional(),
  settings: settingsSchema.optional(),
  headers: headerMap.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateProviderAccount = z.infer<typeof updateProviderAccountSchema>;

const keyLimits = {
  rpmLimit: z.number().int().positive().max(10_000_000).nullable().optional(),
  tpmLimit: z.number().int().positive().max(1_000_000_000).nullable().optional(),
};

export const addProviderKeySchema = z
  .strictObject({ label: z.string().trim().min(1).max(100), ...credentialFields, ...keyLimits })
  .refine((v) => Boolean(v.apiKey) !== Boolean(v.awsCredentials), { message: 'give exactly one of apiKey or awsCredentials', path: ['apiKey'] });
export type AddProviderKey = z.infer<typeof addProviderKeySchema>;

/** Re-enabling a key the pool disabled after a 401/403 is how an admin says "it is fixed". */
export const updateProviderKeySchema = z.strictObject({
  label: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  ...keyLimits,
});
export type UpdateProviderKey = z.infer<typeof updateProviderKeySchema>;

export const importModelsSchema = z.strictObject({
  /** Upstream model ids to publish; each becomes a public model of the same name with one deployment. */
  models: z.array(z.string().trim().min(1).max(200)).min(1).max(500),
});
export type ImportModels = z.infer<typeof importModelsSchema>;

export interface ImportModelsResult {
  created: string[];
  /** Already published under that name, or not a valid public name. */
  skipped: { model: string; reason: string }[];
}

/** What this gateway instance has seen of a key since it started. */
export interface ProviderKeyStats {
  requests: number;
  errors: number;
  tokens: number;
  rateLimited: number;
  latencyEwmaMs: number | null;
  /** Recent success rate 0..1 (EWMA); null before the first call. */
  successEwma: number | null;
  /** Epoch ms until which the key rests after a 429; null when it is ready. */
  cooldownUntil: number | null;
}

export interface ProviderKeyView {
  id: string;
  label: string;
  last4: string;
  enabled: boolean;
  rpmLimit: number | null;
  tpmLimit: number | null;
  createdAt: string;
  stats: ProviderKeyStats;
}

export interface ProviderAccountView {
  id: string;
  name: string;
  kind: ProviderKindName;
  baseUrl: string;
  vendor: string | null;
  settings: Record<string, string>;
  headerNames: string[];
  enabled: boolean;
  keys: ProviderKeyView[];
  createdAt: string;
  updatedAt: string;
}
