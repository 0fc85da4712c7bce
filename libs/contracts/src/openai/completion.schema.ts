/** Legacy `POST /v1/completions` request body. */
import { z } from 'zod';
import {
  logitBiasSchema,
  modelSchema,
  penaltySchema,
  positiveIntSchema,
  seedSchema,
  stopSchema,
  streamOptionsSchema,
  temperatureSchema,
  textOrTokensSchema,
  topPSchema,
  userSchema,
} from './common.schema';

export const completionRequestSchema = z.looseObject({
  model: modelSchema,
  /** Required key; null means OpenAI's default `<|endoftext|>` prompt. */
  prompt: textOrTokensSchema.nullable(),
  suffix: z.string().nullish(),
  max_tokens: positiveIntSchema.nullish(),
  stream: z.boolean().nullish(),
  stream_options: streamOptionsSchema,
  echo: z.boolean().nullish(),
  logprobs: z.number().int().min(0).max(5).nullish(),
  best_of: z.number().int().min(0).max(20).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  stop: stopSchema,
  seed: seedSchema,
  user: userSchema,
  temperature: temperatureSchema,
  top_p: topPSchema,
  presence_penalty: penaltySchema,
  frequency_penalty: penaltySchema,
  logit_bias: logitBiasSchema,
});

export type CompletionRequest = z.infer<typeof completionRequestSchema>;
