/** Chat Completions `messages[]`: one schema per role, content parts, and assistant tool calls. */
import { z } from 'zod';

export const textPartSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
});

export const imagePartSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({
    url: z.string().min(1),
    detail: z.enum(['auto', 'low', 'high']).optional(),
  }),
});

export const inputAudioPartSchema = z.looseObject({
  type: z.literal('input_audio'),
  input_audio: z.looseObject({
    data: z.string(),
    format: z.enum(['wav', 'mp3']),
  }),
});

export const filePartSchema = z.looseObject({
  type: z.literal('file'),
  file: z.looseObject({
    file_data: z.string().optional(),
    file_id: z.string().optional(),
    filename: z.string().optional(),
  }),
});

export const refusalPartSchema = z.looseObject({
  type: z.literal('refusal'),
  refusal: z.string(),
});

export const userContentPartSchema = z.discriminatedUnion('type', [
  textPartSchema,
  imagePartSchema,
  inputAudioPartSchema,
  filePartSchema,
]);

/** System, developer and tool messages take a string or text parts only. */
const textContentSchema = z.union([z.string(), z.array(textPartSchema).min(1)]);

export const functionToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1),
    arguments: z.string(),
  }),
});

export const customToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('custom'),
  custom: z.looseObject({
    name: z.string().min(1),
    input: z.string(),
  }),
});

export const messageToolCallSchema = z.discriminatedUnion('type', [
  functionToolCallSchema,
  customToolCallSchema,
]);

export const systemMessageSchema = z.looseObject({
  role: z.literal('system'),
  content: textContentSchema,
  name: z.string().optional(),
});

export const developerMessageSchema = z.looseObject({
  role: z.literal('developer'),
  content: textContentSchema,
  name: z.string().optional(),
});

export const userMessageSchema = z.looseObject({
  role: z.literal('user'),
  content: z.union([z.string(), z.array(userContentPartSchema).min(1)]),
  name: z.string().optional(),
});

export const assistantMessageSchema = z.looseObject({
  role: z.literal('assistant'),
  content: z
    .union([z.string(), z.array(z.discriminatedUnion('type', [textPartSchema, refusalPartSchema])).min(1)])
    .nullish(),
  name: z.string().optional(),
  refusal: z.string().nullish(),
  tool_calls: z.array(messageToolCallSchema).optional(),
  function_call: z.looseObject({ name: z.string(), arguments: z.string() }).nullish(),
  audio: z.looseObject({ id: z.string() }).nullish(),
});

export const toolMessageSchema = z.looseObject({
  role: z.literal('tool'),
  content: textContentSchema,
  tool_call_id: z.string().min(1),
});

/** Legacy `functions` API result message. */
export const functionMessageSchema = z.looseObject({
  role: z.literal('function'),
  content: z.string().nullable(),
  name: z.string().min(1),
});

export const chatMessageSchema = z.discriminatedUnion('role', [
  systemMessageSchema,
  developerMessageSchema,
  userMessageSchema,
  assistantMessageSchema,
  toolMessageSchema,
  functionMessageSchema,
]);

export type ChatCompletionMessageParam = z.infer<typeof chatMessageSchema>;
export type ChatCompletionSystemMessageParam = z.infer<typeof systemMessageSchema>;
export type ChatCompletionDeveloperMessageParam = z.infer<typeof developerMessageSchema>;
export type ChatCompletionUserMessageParam = z.infer<typeof userMessageSchema>;
export type ChatCompletionAssistantMessageParam = z.infer<typeof assistantMessageSchema>;
export type ChatCompletionToolMessageParam = z.infer<typeof toolMessageSchema>;
export type ChatCompletionFunctionMessageParam = z.infer<typeof functionMessageSchema>;
export type ChatCompletionContentPart = z.infer<typeof userContentPartSchema>;
export type ChatCompletionContentPartText = z.infer<typeof textPartSchema>;
export type ChatCompletionContentPartImage = z.infer<typeof imagePartSchema>;
export type ChatCompletionMessageToolCall = z.infer<typeof messageToolCallSchema>;
