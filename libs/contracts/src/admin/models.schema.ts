import { z } from 'zod';
import { type RoutingConfig, strategyConfigSchema } from './routing.schema';

/** Public model names; `:` is reserved for provider pinning (`gpt-4o:openai`). */
const modelName = z.string().trim().min(1).max(200).regex(/^[^:\s]+$/, 'must not contain spaces or ":"');

export const createDeploymentSchema = z.strictObject({
  providerAccountId: z.string().uuid(),
  upstreamModel: z.string().trim().min(1).max(200),
  weight: z.number().int().min(0).max(10_000).optional(),
  priority: z.number().int().min(0).max(1_000).optional(),
  enabled: z.boolean().optional(),
  quality: z.number().min(0).max(1).nullable().optional(),
});
export type CreateDeployment = z.infer<typeof createDeploymentSchema>;

export const updateDeploymentSchema = createDeploymentSchema.omit({ providerAccountId: true }).partial();
export type UpdateDeployment = z.infer<typeof updateDeploymentSchema>;

export const HEALTH_CHECK_MODES = ['off', 'chat', 'embedding'] as const;
export type HealthCheckMode = (typeof HEALTH_CHECK_MODES)[number];

/** Other public models tried, in order, when every deployment of this one failed. */
const fallbackModels = z.array(modelName).max(10);

export const createModelSchema = z.strictObject({
  name: modelName,
  description: z.string().max(2000).optional(),
  enabled: z.boolean().optional(),
  fallbackModels: fallbackModels.optional(),
  routing: strategyConfigSchema.nullable().optional(),
  healthCheck: z.enum(HEALTH_CHECK_MODES).optional(),
  deployments: z.array(createDeploymentSchema).max(100).optional(),
});
export type CreateModel = z.infer<typeof createModelSchema>;

export const updateModelSchema = z.strictObject({
  name: modelName.optional(),
  description: z.string().max(2000).nullable().optional(),
  enabled: z.boolean().optional(),
  fallbackModels: fallbackModels.optional(),
  routing: strategyConfigSchema.nullable().optional(),
  healthCheck: z.enum(HEALTH_CHECK_MODES).optional(),
});
export type UpdateModel = z.infer<typeof updateModelSchema>;

export interface DeploymentView {
  id: string;
  providerAccountId: string;
  upstreamModel: string;
  weight: number;
  priority: number;
  enabled: boolean;
  quality: number | null;
}

export interface ModelView {
  id: string;
  name: string;
  description: string | null;
  enabled: boolean;
  fallbackModels: string[];
  routing: RoutingConfig | null;
  healthCheck: HealthCheckMode;
  deployments: DeploymentView[];
  createdAt: string;
}
