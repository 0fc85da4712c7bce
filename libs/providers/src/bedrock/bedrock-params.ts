/**
 * OpenAI chat parameters -> Converse `inferenceConfig` and `toolConfig`. Fields Converse cannot honour
 * are refused unless neutral; OpenAI platform hints with no effect on the answer are ignored; fields
 * without a rule are dropped, except the Bedrock-native `additionalModelRequestFields`.
 */
import type { ChatCompletionRequest, ChatCompletionTool, ChatCompletionToolChoice } from '@ai-router/contracts';
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
import { isRecord, type JsonObject } from '../core/json';
import type { ParamMap } from '../core/param-map';

const PROVIDER = 'Bedrock Converse';

function toToolSpecs(tools: ChatCompletionTool[]): JsonObject[] {
  return tools.map((tool, index) => {
    const { fn, declaration: toolSpec } = functionTool(tool, index, PROVIDER);
    toolSpec.inputSchema = { json: fn.parameters ?? { type: 'object', properties: {} } };
    return { toolSpec };
  });
}

function toToolChoice(choice: ChatCompletionToolChoice): JsonObject | undefined {
  const forms = { none: undefined, auto: { auto: {} }, required: { any: {} }, function: (name: string) => ({ tool: { name } }) };
  return translateToolChoice<JsonObject | undefined>(choice, forms, PROVIDER);
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
  ...outputLimitParams('inferenceConfig.maxTokens'),
  temperature: { param: 'inferenceConfig.temperature', transform: temperatureUpToOne(`${PROVIDER} models`) },
  top_p: { param: 'inferenceConfig.topP' },
  stop: { param: 'inferenceConfig.stopSequences', transform: stopList },
  n: singleChoiceOnly(`${PROVIDER} returns a single choice; n must be 1.`),
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
  ...IGNORED_PLATFORM_HINTS,
  ...openAIOnlyFeatures(PROVIDER),
  ...unsupportedPenalties(PROVIDER),
};
