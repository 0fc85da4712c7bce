/** `POST /v1/images/generations` (JSON) and `POST /v1/images/edits` (multipart) request bodies. */
import { z } from 'zod';
import { modelSchema, userSchema } from './common.schema';

const imageOptions = {
  model: modelSchema,
  prompt: z.string().min(1, 'must be a non-empty string').max(32_000),
  size: z.string().regex(/^(auto|\d{2,5}x\d{2,5})$/, 'must be WIDTHxHEIGHT or auto').nullish(),
  quality: z.enum(['standard', 'hd', 'low', 'medium', 'high', 'auto']).nullish(),
  response_format: z.enum(['url', 'b64_json']).nullish(),
  background: z.enum(['transparent', 'opaque', 'auto']).nullish(),
  output_format: z.enum(['png', 'jpeg', 'webp']).nullish(),
  user: userSchema,
};

export const imageGenerationRequestSchema = z.looseObject({
  ...imageOptions,
  n: z.number().int().min(1).max(10).nullish(),
  style: z.enum(['vivid', 'natural']).nullish(),
  output_compression: z.number().int().min(0).max(100).nullish(),
  moderation: z.enum(['low', 'auto']).nullish(),
});
export type ImageGenerationRequest = z.infer<typeof imageGenerationRequestSchema>;

/** One uploaded file of a multipart request, held in memory (bounded by the body limit). */
export const uploadedFileSchema = z.object({
  filename: z.string(),
  contentType: z.string(),
  data: z.instanceof(Uint8Array),
});
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

/** Multipart fields arrive as strings, hence the coercion of `n`. */
export const imageEditRequestSchema = z.looseObject({
  ...imageOptions,
  n: z.coerce.number().int().min(1).max(10).nullish(),
  image: z.array(uploadedFileSchema).min(1, 'at least one image is required').max(16),
  mask: uploadedFileSchema.optional(),
});
export type ImageEditRequest = z.infer<typeof imageEditRequestSchema>;
