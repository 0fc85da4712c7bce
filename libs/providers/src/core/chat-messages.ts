/**
 * Reading OpenAI `messages[]` for the translating families (Anthropic, Gemini, Bedrock): what they
 * all refuse, how assistant turns read, and the merging of same-role turns. `subject` completes
 * the error messages: "... is not supported by Gemini models."
 */
import type { ChatCompletionAssistantMessageParam, ChatCompletionMessageToolCall } from '@ai-router/contracts';
import { AdapterRequestError } from './errors';
import { type JsonObject, parseJsonObject } from './json';

/** `data:<media type>[;param]...;base64,<data>`: group 1 is the media type, group 2 the data. */
export const DATA_URL = /^data:([^;,]+)(?:;[^;,]*)*;base64,(.*)$/s;

/** Text content as parts, without empty texts (these APIs refuse empty text blocks). */
export function nonEmptyTextParts<T extends { text: string }>(content: string | readonly T[]): ReadonlyArray<T | { text: string }> {
  const parts = typeof content === 'string' ? [{ text: content }] : content;
  return parts.filter((part) => part.text !== '');
}

/** The families want tool input as an object; OpenAI carries it as a JSON string. */
function parseToolArguments(args: string, param: string): JsonObject {
  if (args.trim() === '') return {};
  const input = parseJsonObject(args);
  if (!input) throw new AdapterRequestError(param, 'Tool call arguments must be a JSON object.', 'invalid_value');
  return input;
}

type FunctionToolCall = Extract<ChatCompletionMessageToolCall, { type: 'function' }>;

export interface AssistantTurn {
  /** A refusal the model gave earlier is still text the model said, so it reads as text. */
  text: string | ReadonlyArray<{ text: string }>;
  toolCalls: Array<{ call: FunctionToolCall; input: JsonObject }>;
}

/** An assistant message as text and function calls; legacy `function_call` and custom tool calls are refused. */
export function readAssistantMessage(message: ChatCompletionAssistantMessageParam, param: string, subject: string): AssistantTurn {
  if (message.function_call) {
    throw new AdapterRequestError(`${param}.function_call`, `Legacy 'function_call' is not supported by ${subject}; use 'tool_calls'.`);
  }
  const content = message.content ?? '';
  const text =
    typeof content === 'string'
      ? content
      : content.map((part) => ({ ...part, text: part.type === 'text' ? part.text : part.refusal }));
  const toolCalls = (message.tool_calls ?? []).map((call, index) => {
    const callParam = `${param}.tool_calls[${index}]`;
    if (call.type !== 'function') {
      throw new AdapterRequestError(`${callParam}.type`, `Only function tool calls are supported by ${subject}.`);
    }
    return { call, input: parseToolArguments(call.function.arguments, `${callParam}.function.arguments`) };
  });
  return { text, toolCalls };
}

export function legacyFunctionMessageError(param: string, subject: string): AdapterRequestError {
  return new AdapterRequestError(`${param}.role`, `Legacy 'function' messages are not supported by ${subject}; use tools.`);
}

export interface Turn<TRole, TItem> {
  role: TRole;
  items: TItem[];
}

/** These APIs want alternating roles, so a turn with the previous turn's role merges into it. */
export function appendTurn<TRole, TItem>(turns: Array<Turn<TRole, TItem>>, role: TRole, items: TItem[]): void {
  const last = turns[turns.length - 1];
  if (last?.role === role) last.items.push(...items);
  else turns.push({ role, items });
}
