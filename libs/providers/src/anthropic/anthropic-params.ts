/**
 * OpenAI chat parameters -> Anthropic Messages parameters. Fields Anthropic cannot honour are refused
 * unless neutral; OpenAI platform features with no effect on the generated answer are ignored.
 */
import type {
  ChatCompletionRequest,
  ChatCompletionResponseFormat,
  ChatCompletionTool,
  ChatCompletionToolChoice,
  ReasoningEffort,
} from '@ai-router/contracts';
import { AdapterRequestError } from '../core/errors';
import type { JsonObject } from '../core/json';
import { type ParamMap, unsupported } from '../core/param-map';

/** Anthropic requires `max_tokens`; used when the client sets no limit. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

const PROVIDER = 'Anthropic';

function toAnthropicTools(tools: ChatCompletionTool[]): JsonObject[] {
  return tools.map((tool, index) => {
    if (tool.type !== 'function') {
      throw new AdapterRequestError(`tools[${index}].type`, 'Only function tools are supported by Anthropic models.');
    }
    const { name, description, parameters, strict } = tool.function;
    const mapped: JsonObject = { name };
    if (description !== undefined) mapped.description = description;
    mapped.input_schema = parameters ?? { type: 'object', properties: {} };
    if (strict === true) mapped.strict = true;
    if ((tool as JsonObject).cache_control !== undefined) mapped.cache_control = (tool as JsonObject).cache_control;
    return mapped;
  });
}

function toAnthropicToolChoice(choice: ChatCompletionToolChoice, request: ChatCompletionRequest): JsonObject {
  const parallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...parallel };
  if (choice === 'required') return { type: 'any', ...parallel };
  if (choice.type === 'function') return { type: 'tool', name: choice.function.name, ...parallel };
  throw new AdapterRequestError('tool_choice', `tool_choice '${choice.type}' is not supported by Anthropic models.`);
}

function toOutputFormat(format: ChatCompletionResponseFormat): JsonObject | undefined {
  if (format.type === 'text') return undefined;
  if (format.type === 'json_object') {
    throw new AdapterRequestError(
      'response_format.type',
      "Anthropic models have no JSON mode without a schema; use response_format 'json_schema'.",
    );
  }
  if (!format.json_schema.schema) {
    throw new AdapterRequestError(
      'response_format.json_schema.schema',
      'Anthropic structured outputs need a JSON schema.',
      'missing_required_parameter',
    );
  }
  return { type: 'json_schema', schema: format.json_schema.schema };
}

function toEffort(effort: ReasoningEffort): string | undefined {
  // Anthropic models reason only when asked, so "none" is their default.
  if (effort === 'none') return undefined;
  if (effort === 'minimal') {
    throw new AdapterRequestError(
      'reasoning_effort',
      "reasoning_effort 'minimal' has no Anthropic equivalent; use 'low' or higher.",
      'invalid_value',
    );
  }
  return effort;
}

export const ANTHROPIC_CHAT_PARAMS: ParamMap<ChatCompletionRequest> = {
  // Set from the target and from toAnthropicConversation by the adapter.
  model: {},
  messages: {},
  max_tokens: {
    param: 'max_tokens',
    transform: (value, request) => request.max_completion_tokens ?? value,
    required: true,
    default: DEFAULT_ANTHROPIC_MAX_TOKENS,
  },
  max_completion_tokens: { param: 'max_tokens' },
  stop: {
    param: 'stop_sequences',
    transform: (stop: string | string[]) => (typeof stop === 'string' ? [stop] : stop.length > 0 ? stop : undefined),
  },
  temperature: {
    param: 'temperature',
    transform: (value: number) => {
      if (value > 1) {
        const message = `Anthropic models accept a temperature between 0 and 1, got ${value}.`;
        throw new AdapterRequestError('temperature', message, 'invalid_value');
      }
      return value;
    },
  },
  top_p: { param: 'top_p' },
  stream: { param: 'stream' },
  user: { param: 'metadata.user_id' },
  tools: { param: 'tools', transform: toAnthropicTools },
  tool_choice: {
    param: 'tool_choice',
    transform: toAnthropicToolChoice,
    // Without an explicit choice, parallel_tool_calls:false still needs a tool_choice to live on.
    default: (request) =>
      request.parallel_tool_calls === false && request.tools?.length
        ? { type: 'auto', disable_parallel_tool_use: true }
        : undefined,
  },
  parallel_tool_calls: {},
  response_format: { param: 'output_config.format', transform: toOutputFormat },
  reasoning_effort: { param: 'output_config.effort', transform: toEffort },
  n: {
    transform: (n: number) => {
      if (n === 1) return undefined;
      throw new AdapterRequestError('n', 'Anthropic models return a single choice; n must be 1.', 'invalid_value');
    },
  },
  // Anthropic always reports usage in streams.
  stream_options: {},
  // OpenAI platform features and best-effort hints: without them the answer is the same kind of answer.
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
  // Anthropic-native fields clients may add to an OpenAI-format body.
  top_k: { param: 'top_k' },
  thinking: { param: 'thinking' },
};
