/**
 * OpenAI chat parameters -> Gemini `generationConfig`, `tools` and `toolConfig`. Values Gemini cannot
 * honour are refused with a 400 unless neutral; OpenAI platform hints without effect on the answer
 * are ignored.
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
  stopList,
  translateToolChoice,
} from '../core/chat-params';
import { AdapterRequestError } from '../core/errors';
import type { JsonObject } from '../core/json';
import { type ParamMap, unsupported } from '../core/param-map';
import { hasProperties, toGeminiSchema } from './gemini-schema';

const PROVIDER = 'Gemini';
const SUBJECT = `${PROVIDER} models`;

/** Gemini returns at most 8 candidates and honours at most 5 stop sequences. */
export const GEMINI_MAX_CANDIDATES = 8;
export const GEMINI_MAX_STOP_SEQUENCES = 5;

/** Thinking budgets (tokens) for Gemini 2.x models, which take a budget rather than a level. */
export const GEMINI_THINKING_BUDGETS: Readonly<Record<string, number>> = {
  none: 0,
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24576,
};

/** The generation of a Gemini model id (`gemini-2.5-flash` -> 2), undefined for aliases and tuned models. */
export function geminiGeneration(upstreamModel: string): number | undefined {
  const match = /^(?:models\/)?gemini-(\d+)(?:[.-]|$)/.exec(upstreamModel.trim());
  return match ? Number(match[1]) : undefined;
}

function inRange(field: string, min: number, max: number) {
  return (value: number) => {
    if (value < min || value > max) {
      throw new AdapterRequestError(field, `Gemini models accept ${field} between ${min} and ${max}, got ${value}.`, 'invalid_value');
    }
    return value;
  };
}

function toFunctionDeclarations(tools: ChatCompletionTool[]): JsonObject[] | undefined {
  const declarations = tools.map((tool, index) => {
    const { fn, declaration } = functionTool(tool, index, SUBJECT);
    if (fn.parameters) {
      const schema = toGeminiSchema(fn.parameters, `tools[${index}].function.parameters`);
      if (hasProperties(schema)) declaration.parameters = schema;
    }
    return declaration;
  });
  return declarations.length > 0 ? [{ functionDeclarations: declarations }] : undefined;
}

/** Gemini can restrict calls to a list of functions, but only while forcing a call (mode ANY). */
function allowedFunctionsConfig(allowed: Extract<ChatCompletionToolChoice, { type: 'allowed_tools' }>['allowed_tools']): JsonObject {
  if (allowed.mode !== 'required') {
    throw new AdapterRequestError('tool_choice', "tool_choice allowed_tools with mode 'auto' is not supported by Gemini models.");
  }
  const names = allowed.tools.map((tool, index) => {
    const fn = tool.function as { name?: unknown } | undefined;
    if (tool.type !== 'function' || typeof fn?.name !== 'string') {
      throw new AdapterRequestError(`tool_choice.allowed_tools.tools[${index}]`, 'Only function tools can be allowed for Gemini models.');
    }
    return fn.name;
  });
  return { mode: 'ANY', allowedFunctionNames: names };
}

function toFunctionCallingConfig(choice: ChatCompletionToolChoice): JsonObject {
  if (typeof choice !== 'string' && choice.type === 'allowed_tools') return allowedFunctionsConfig(choice.allowed_tools);
  const forms = {
    none: { mode: 'NONE' },
    auto: { mode: 'AUTO' },
    required: { mode: 'ANY' },
    function: (name: string) => ({ mode: 'ANY', allowedFunctionNames: [name] }),
  };
  return translateToolChoice(choice, forms, SUBJECT);
}

function toResponseSchema(format: ChatCompletionResponseFormat): JsonObject | undefined {
  if (format.type !== 'json_schema' || !format.json_schema.schema) return undefined;
  return toGeminiSchema(format.json_schema.schema, 'response_format.json_schema.schema');
}

function toStopSequences(stop: string | string[]): string[] | undefined {
  const sequences = stopList(stop);
  if (sequences && sequences.length > GEMINI_MAX_STOP_SEQUENCES) {
    const message = `Gemini models accept at most ${GEMINI_MAX_STOP_SEQUENCES} stop sequences.`;
    throw new AdapterRequestError('stop', message, 'invalid_value');
  }
  return sequences;
}

function toCandidateCount(n: number): number | undefined {
  if (n > GEMINI_MAX_CANDIDATES) {
    throw new AdapterRequestError('n', `Gemini models return at most ${GEMINI_MAX_CANDIDATES} choices.`, 'invalid_value');
  }
  return n === 1 ? undefined : n;
}

/**
 * Gemini 3 models take a thinking level and cannot stop thinking; Gemini 2.x (and ids whose
 * generation is unknown: a budget is accepted everywhere) take a token budget, 0 turning it off.
 */
function thinkingConfigFor(upstreamModel: string) {
  const levels = (geminiGeneration(upstreamModel) ?? 0) >= 3;
  return (effort: ReasoningEffort): JsonObject => {
    if (effort === 'xhigh' || effort === 'max') {
      const message = `reasoning_effort '${effort}' has no Gemini equivalent; 'high' is the highest.`;
      throw new AdapterRequestError('reasoning_effort', message, 'invalid_value');
    }
    if (levels) {
      if (effort === 'none') {
        const message = "Gemini 3 models cannot turn thinking off; use reasoning_effort 'minimal' or higher.";
        throw new AdapterRequestError('reasoning_effort', message, 'invalid_value');
      }
      return { includeThoughts: true, thinkingLevel: effort.toUpperCase() };
    }
    const thinkingBudget = GEMINI_THINKING_BUDGETS[effort]!;
    return thinkingBudget === 0 ? { thinkingBudget } : { includeThoughts: true, thinkingBudget };
  };
}

const NEUTRAL_ZERO = (value: number) => (value === 0 ? undefined : value);

const BASE_PARAMS: ParamMap<ChatCompletionRequest> = {
  // Set from the target, from toGeminiConversation and from the URL by the adapter.
  model: {},
  messages: {},
  stream: {},
  // Gemini always reports usage in streams.
  stream_options: {},
  ...outputLimitParams('generationConfig.maxOutputTokens'),
  temperature: { param: 'generationConfig.temperature', transform: inRange('temperature', 0, 2) },
  top_p: { param: 'generationConfig.topP', transform: inRange('top_p', 0, 1) },
  stop: { param: 'generationConfig.stopSequences', transform: toStopSequences },
  n: { param: 'generationConfig.candidateCount', transform: toCandidateCount },
  seed: { param: 'generationConfig.seed' },
  // Clients send 0 by default; models without penalty support would refuse even a 0.
  presence_penalty: { param: 'generationConfig.presencePenalty', transform: NEUTRAL_ZERO },
  frequency_penalty: { param: 'generationConfig.frequencyPenalty', transform: NEUTRAL_ZERO },
  response_format: [
    {
      param: 'generationConfig.responseMimeType',
      transform: (format: ChatCompletionResponseFormat) => (format.type === 'text' ? undefined : 'application/json'),
    },
    { param: 'generationConfig.responseSchema', transform: toResponseSchema },
  ],
  tools: { param: 'tools', transform: toFunctionDeclarations },
  tool_choice: { param: 'toolConfig.functionCallingConfig', transform: toFunctionCallingConfig },
  parallel_tool_calls: unsupported(PROVIDER, (value) => value === true),
  // OpenAI platform features and best-effort hints: without them the answer is the same kind of answer.
  user: {},
  ...IGNORED_PLATFORM_HINTS,
  ...openAIOnlyFeatures(PROVIDER),
  // Gemini-native fields clients may add to an OpenAI-format body.
  top_k: { param: 'generationConfig.topK' },
  safety_settings: { param: 'safetySettings' },
};

/** The parameter map for one upstream model (the thinking control depends on its generation). */
export function geminiChatParams(upstreamModel: string): ParamMap<ChatCompletionRequest> {
  return {
    ...BASE_PARAMS,
    reasoning_effort: { param: 'generationConfig.thinkingConfig', transform: thinkingConfigFor(upstreamModel) },
  };
}
