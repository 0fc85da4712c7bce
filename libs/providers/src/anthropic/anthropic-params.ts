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
import {
  functionTool,
  IGNORED_PLATFORM_HINTS,
  openAIOnlyFeatures,
  outputLimitParams,
  singleChoiceOnly,
  stopList,
  temperatureUpToOne,
  translateToolChoice,
  unsupportedPenalties,
} from '../core/chat-params';
import { AdapterRequestError } from '../core/errors';
import type { JsonObject } from '../core/json';
import type { ParamMap } from '../core/param-map';

/** Anthropic requires `max_tokens`; used when the client sets no limit. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

const PROVIDER = 'Anthropic';
const SUBJECT = `${PROVIDER} models`;

function toAnthropicTools(tools: ChatCompletionTool[]): JsonObject[] {
  return tools.map((tool, index) => {
    const { fn, declaration } = functionTool(tool, index, SUBJECT);
    declaration.input_schema = fn.parameters ?? { type: 'object', properties: {} };
    if (fn.strict === true) declaration.strict = true;
    if ((tool as JsonObject).cache_control !== undefined) declaration.cache_control = (tool as JsonObject).cache_control;
    return declaration;
  });
}

function toAnthropicToolChoice(choice: ChatCompletionToolChoice, request: ChatCompletionRequest): JsonObject {
  const parallel = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  const forms = {
    none: { type: 'none' },
    auto: { type: 'auto', ...parallel },
    required: { type: 'any', ...parallel },
    function: (name: string) => ({ type: 'tool', name, ...parallel }),
  };
  return translateToolChoice(choice, forms, SUBJECT);
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
  ...outputLimitParams('max_tokens', { required: true, default: DEFAULT_ANTHROPIC_MAX_TOKENS }),
  stop: { param: 'stop_sequences', transform: stopList },
  temperature: { param: 'temperature', transform: temperatureUpToOne(SUBJECT) },
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
  n: singleChoiceOnly('Anthropic models return a single choice; n must be 1.'),
  // Anthropic always reports usage in streams.
  stream_options: {},
  // OpenAI platform features and best-effort hints: without them the answer is the same kind of answer.
  seed: {},
  ...IGNORED_PLATFORM_HINTS,
  ...openAIOnlyFeatures(PROVIDER),
  ...unsupportedPenalties(PROVIDER),
  // Anthropic-native fields clients may add to an OpenAI-format body.
  top_k: { param: 'top_k' },
  thinking: { param: 'thinking' },
};
