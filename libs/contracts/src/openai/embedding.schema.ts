/** `POST /v1/embeddings` request body. */
import { z } from 'zod';
import { modelSchema, positiveIntSchema, tokenArraySchema, userSchema } from './common.schema';

/** OpenAI rejects empty inputs, so empty strings and empty arrays are refused here too. */
export const embeddingInputSchema = z.union([
  z.string().min(1),
  z.array(z.string().min(1)).min(1),
  tokenArraySchema,
  z.array(tokenArraySchema).min(1),
]);

export const embeddingRequestSchema = z.looseObject({
  model: modelSchema,
  input: embeddingInputSchema,
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: positiveIntSchema.optional(),
  user: userSchema,
});

export type EmbeddingRequest = z.infer<typeof embeddingRequestSchema>;
export type EmbeddingInput = z.infer<typeof embeddingInputSchema>;
