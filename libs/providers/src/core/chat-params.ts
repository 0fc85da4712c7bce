/**
 * Param-map rules the translating families (Anthropic, Gemini, Bedrock) share for OpenAI chat
 * fields. `subject` completes their error messages: "... is not supported by Gemini models."
 */
import type { ChatCompletionRequest, ChatCompletionTool, ChatCompletionToolChoice } from '@ai-router/contracts';
import { AdapterRequestError } from './errors';
import type { JsonObject } from './json';
import { type ParamMap, type ParamRule, unsupported } from './param-map';

type ChatParamMap = ParamMap<ChatCompletionRequest>;
type FunctionDefinition = Extract<ChatCompletionTool, { type: 'function' }>['function'];

/** `max_completion_tokens` supersedes the legacy `max_tokens`; both fill the one upstream limit. */
export function outputLimitParams(
  param: string,
  fallback: Pick<ParamRule<ChatCompletionRequest>, 'required' | 'default'> = {},
): ChatParamMap {
  return {
    max_tokens: { param, transform: (value, request) => request.max_completion_tokens ?? value, ...fallback },
    max_completion_tokens: { param },
  };
}

/** A single stop string is a one-item list; an empty list sets nothing. */
export function stopList(stop: string | string[]): string[] | undefined {
  const list = typeof stop === 'string' ? [stop] : stop;
  return list.length > 0 ? list : undefined;
}

/** For models whose temperature scale ends at 1 (OpenAI's ends at 2). */
export function temperatureUpToOne(subject: string): (value: number) => number {
  return (value) => {
    if (value > 1) {
      throw new AdapterRequestError('temperature', `${subject} accept a temperature between 0 and 1, got ${value}.`, 'invalid_value');
    }
    return value;
  };
}

/** For APIs that answer with one choice: n may only be 1. */
export function singleChoiceOnly(message: string): ParamRule<ChatCompletionRequest> {
  return {
    transform: (n: number) => {
      if (n === 1) return undefined;
      throw new AdapterRequestError('n', message, 'invalid_value');
    },
  };
}

/** The OpenAI platform features all translating families ignore (each adds the hints it also ignores). */
export const IGNORED_PLATFORM_HINTS: ChatParamMap = { store: {}, metadata: {}, service_tier: {}, prediction: {} };

/** OpenAI output features without a counterpart: refused unless neutral (clients often send defaults). */
export function openAIOnlyFeatures(provider: string): ChatParamMap {
  return {
    logprobs: unsupported(provider, (value) => value === false),
    top_logprobs: unsupported(provider, (value) => value === 0),
    logit_bias: unsupported(provider, (value) => Object.keys(value).length === 0),
    modalities: unsupported(provider, (value: string[]) => value.every((modality) => modality === 'text')),
    audio: unsupported(provider),
    functions: unsupported(provider),
    function_call: unsupported(provider),
  };
}

/** For models without presence and frequency penalties: only the neutral 0 passes. */
export function unsupportedPenalties(provider: string): ChatParamMap {
  return {
    presence_penalty: unsupported(provider, (value) => value === 0),
    frequency_penalty: unsupported(provider, (value) => value === 0),
  };
}

/**
 * Reads `tools[index]` as a function tool (other types, such as custom tools, have no counterpart
 * outside OpenAI) and starts the family's declaration with its name and description.
 */
export function functionTool(
  tool: ChatCompletionTool,
  index: number,
  subject: string,
): { fn: FunctionDefinition; declaration: JsonObject } {
  if (tool.type !== 'function') {
    throw new AdapterRequestError(`tools[${index}].type`, `Only function tools are supported by ${subject}.`);
  }
  const fn = tool.function;
  const declaration: JsonObject = { name: fn.name };
  if (fn.description !== undefined) declaration.description = fn.description;
  return { fn, declaration };
}

/** How a family spells OpenAI's tool_choice values. */
export interface ToolChoiceForms<T> {
  none: T;
  auto: T;
  required: T;
  function(name: string): T;
}

/** Any other choice (allowed_tools, custom) is refused; a family that supports one checks it first. */
export function translateToolChoice<T>(choice: ChatCompletionToolChoice, forms: ToolChoiceForms<T>, subject: string): T {
  if (choice === 'none') return forms.none;
  if (choice === 'auto') return forms.auto;
  if (choice === 'required') return forms.required;
  if (choice.type === 'function') return forms.function(choice.function.name);
  throw new AdapterRequestError('tool_choice', `tool_choice '${choice.type}' is not supported by ${subject}.`);
}
