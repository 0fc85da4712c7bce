/** `POST /v1/chat/completions` request body. Out-of-range values are rejected, never clamped. */
import { z } from 'zod';
import { chatMessageSchema, textPartSchema } from './chat-message.schema';
import {
  logitBiasSchema,
  modelSchema,
  penaltySchema,
  positiveIntSchema,
  seedSchema,
  stopSchema,
  streamOptionsSchema,
  temperatureSchema,
  topPSchema,
  userSchema,
} from './common.schema';

export const functionDefinitionSchema = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
  strict: z.boolean().nullish(),
});

export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: functionDefinitionSchema,
});

export const customToolSchema = z.looseObject({
  type: z.literal('custom'),
  custom: z.looseObject({ name: z.string().min(1), description: z.string().optional() }),
});

export const toolSchema = z.discriminatedUnion('type', [functionToolSchema, customToolSchema]);

export const toolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.discriminatedUnion('type', [
    z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string().min(1) }) }),
    z.looseObject({ type: z.literal('custom'), custom: z.looseObject({ name: z.string().min(1) }) }),
    z.looseObject({
      type: z.literal('allowed_tools'),
      allowed_tools: z.looseObject({
        mode: z.enum(['auto', 'required']),
        tools: z.array(z.record(z.string(), z.unknown())),
      }),
    }),
  ]),
]);

export const responseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1).max(64),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const reasoningEffortSchema = z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']);

export const chatCompletionRequestSchema = z.looseObject({
  model: modelSchema,
  messages: z.array(chatMessageSchema).min(1),
  tools: z.array(toolSchema).optional(),
  tool_choice: toolChoiceSchema.optional(),
  parallel_tool_calls: z.boolean().optional(),
  /** Legacy predecessors of `tools` / `tool_choice`, still accepted by OpenAI. */
  functions: z.array(functionDefinitionSchema).optional(),
  function_call: z.union([z.enum(['none', 'auto']), z.looseObject({ name: z.string().min(1) })]).optional(),
  response_format: responseFormatSchema.optional(),
  n: z.number().int().min(1).max(128).nullish(),
  stop: stopSchema,
  seed: seedSchema,
  user: userSchema,
  max_tokens: positiveIntSchema.nullish(),
  max_completion_tokens: positiveIntSchema.nullish(),
  stream: z.boolean().nullish(),
  stream_options: streamOptionsSchema,
  temperature: temperatureSchema,
  top_p: topPSchema,
  presence_penalty: penaltySchema,
  frequency_penalty: penaltySchema,
  logit_bias: logitBiasSchema,
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  store: z.boolean().nullish(),
  reasoning_effort: reasoningEffortSchema.nullish(),
  modalities: z.array(z.enum(['text', 'audio'])).nullish(),
  audio: z.looseObject({ format: z.string(), voice: z.unknown() }).nullish(),
  service_tier: z.enum(['auto', 'default', 'flex', 'scale', 'priority']).nullish(),
  prediction: z
    .looseObject({
      type: z.literal('content'),
      content: z.union([z.string(), z.array(textPartSchema)]),
    })
    .nullish(),
});

export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;
export type ChatCompletionTool = z.infer<typeof toolSchema>;
export type ChatCompletionToolChoice = z.infer<typeof toolChoiceSchema>;
export type ChatCompletionResponseFormat = z.infer<typeof responseFormatSchema>;
export type ReasoningEffort = z.infer<typeof reasoningEffortSchema>;
