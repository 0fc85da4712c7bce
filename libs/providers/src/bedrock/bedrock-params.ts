/**
 * OpenAI chat parameters -> Converse `inferenceConfig` and `toolConfig`. Fields Converse cannot honour
 * are refused unless neutral; OpenAI platform hints with no effect on the answer are ignored; fields
 * without a rule are dropped, except the Bedrock-native `additionalModelRequestFields`.
 */
import type { ChatCompletionRequest, ChatCompletionTool, ChatCompletionToolChoice } from '@ai-router/contracts';
import { AdapterRequestError } from '../core/errors';
import { isRecord, type JsonObject } from '../core/json';
import { type ParamMap, unsupported } from '../core/param-map';

const PROVIDER = 'Bedrock Converse';

function toToolSpecs(tools: ChatCompletionTool[]): JsonObject[] {
  return tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw new AdapterRequestError(`tools[${index}].type`, `Only function tools are supported by ${PROVIDER}.`);
    }
    const { name, description, parameters } = tool.function;
    const toolSpec: JsonObject = { name };
    if (description !== undefined) toolSpec.description = description;
    toolSpec.inputSchema = { json: parameters ?? { type: 'object', properties: {} } };
    return { toolSpec };
  });
}

function toToolChoice(choice: ChatCompletionToolChoice): JsonObject | undefined {
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  if (choice === 'none') return undefined;
  if (choice.type === 'function') return { tool: { name: choice.function.name } };
  throw new AdapterRequestError('tool_choice', `tool_choice '${choice.type}' is not supported by ${PROVIDER}.`);
}

/**
 * `toolConfig` from `tools` + `tool_choice`. Converse has no "none" choice, so `none` withholds the
 * tools; Converse also refuses tool blocks in the history without a `toolConfig`, so that combination
 * cannot be honoured and is refused rather than silently letting the model call tools.
 */
export function toToolConfig(request: ChatCompletionRequest, hasToolBlocks: boolean): JsonObject | undefined {
  const tools = request.tools ?? [];
  if (tools.length === 0) return undefined;
  const specs = toToolSpecs(tools);
  const choice = request.tool_choice ?? undefined;
  if (choice === 'none') {
    if (!hasToolBlocks) return undefined;
    const message =
      `${PROVIDER} needs the tool definitions whenever the conversation holds tool calls, so tool_choice ` +
      "'none' cannot be honoured here; omit tool_choice or the tools.";
    throw new AdapterRequestError('tool_choice', message, 'invalid_value');
  }
  if (request.parallel_tool_calls === false) {
    throw new AdapterRequestError('parallel_tool_calls', `${PROVIDER} cannot disable parallel tool calls.`);
  }
  const toolChoice = choice === undefined ? undefined : toToolChoice(choice);
  return toolChoice ? { tools: specs, toolChoice } : { tools: specs };
}

function rejectJsonMode(format: ChatCompletionRequest['response_format']): undefined {
  if (!format || format.type === 'text') return undefined;
  const message = `response_format '${format.type}' is not supported by ${PROVIDER}; use a tool with a JSON schema instead.`;
  throw new AdapterRequestError('response_format.type', message);
}

export const BEDROCK_CHAT_PARAMS: ParamMap<ChatCompletionRequest> = {
  // Set by the adapter: the model is in the URL, messages and tools need the whole conversation.
  model: {},
  messages: {},
  tools: {},
  tool_choice: {},
  parallel_tool_calls: {},
  // Selects the endpoint (converse vs converse-stream); Bedrock always reports usage in streams.
  stream: {},
  stream_options: {},
  max_tokens: {
    param: 'inferenceConfig.maxTokens',
    transform: (value, request) => request.max_completion_tokens ?? value,
  },
  max_completion_tokens: { param: 'inferenceConfig.maxTokens' },
  temperature: {
    param: 'inferenceConfig.temperature',
    transform: (value: number) => {
      if (value > 1) {
        const message = `${PROVIDER} models accept a temperature between 0 and 1, got ${value}.`;
        throw new AdapterRequestError('temperature', message, 'invalid_value');
      }
      return value;
    },
  },
  top_p: { param: 'inferenceConfig.topP' },
  stop: {
    param: 'inferenceConfig.stopSequences',
    transform: (stop: string | string[]) => (typeof stop === 'string' ? [stop] : stop.length > 0 ? stop : undefined),
  },
  n: {
    transform: (n: number) => {
      if (n === 1) return undefined;
      throw new AdapterRequestError('n', `${PROVIDER} returns a single choice; n must be 1.`, 'invalid_value');
    },
  },
  response_format: { transform: rejectJsonMode },
  reasoning_effort: {
    transform: (effort: string) => {
      if (effort === 'none') return undefined;
      const message = `reasoning_effort is not part of ${PROVIDER}; set the model's own reasoning options in 'additionalModelRequestFields'.`;
      throw new AdapterRequestError('reasoning_effort', message);
    },
  },
  // Bedrock-native passthrough for model-specific fields (e.g. Claude's `thinking`, `top_k`).
  additionalModelRequestFields: {
    param: 'additionalModelRequestFields',
    transform: (value: unknown) => {
      if (isRecord(value)) return value;
      throw new AdapterRequestError('additionalModelRequestFields', "'additionalModelRequestFields' must be a JSON object.", 'invalid_value');
    },
  },
  // OpenAI platform features and best-effort hints: without them the answer is the same kind of answer.
  user: {},
  seed: {},
  store: {},
  metadata: {},
  service_tier: {},
  prediction: {},
  logprobs: unsupported(PROVIDER, (value) => value === false),
  top_logprobs: unsupported(PROVIDER, (value) => value === 0),
  logit_bias: unsupported(PROVIDER, (value) => Object.keys(value).length === 0),
  presence_penalty: unsupported(PROVIDER, (value) => value === 0),
  frequency_penalty: unsupported(PROVIDER, (value) => value === 0),
  modalities: unsupported(PROVIDER, (value: string[]) => value.every((modality) => modality === 'text')),
  audio: unsupported(PROVIDER),
  functions: unsupported(PROVIDER),
  function_call: unsupported(PROVIDER),
};
