/**
 * What the mock "model" answers to a chat completion request, independent of streaming: a text
 * (plain, or JSON for `response_format`) or a call to one of the request's tools.
 */
import { defaultReply, limitTokens } from '../reply';
import type { JsonObject } from '../route';
import { sampleFromSchema, sampleToolInput } from '../schema-sample';
import { countTokens, isMessageList, lastUserText, messagesTokens, toolsTokens } from '../tokens';
import type { MockDirective } from '../types';

export interface ChatMessage {
  role?: string;
  content?: unknown;
}

interface FunctionTool {
  type?: string;
  function?: { name?: string; parameters?: unknown };
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  n?: number;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  tools?: FunctionTool[];
  tool_choice?: string | { type?: string; function?: { name?: string } } | null;
  response_format?: { type?: string; json_schema?: { schema?: unknown } };
}

export type ChatAnswer =
  | { kind: 'text'; text: string; finishReason: 'stop' | 'length'; completionTokens: number }
  | { kind: 'tool'; name: string; arguments: string; finishReason: 'tool_calls'; completionTokens: number };

/** Checks what the real API would reject with a 400 and what the mock needs. */
export function validateChat(body: JsonObject): string | undefined {
  if (typeof body.model !== 'string' || body.model === '') return "Missing required parameter: 'model'.";
  if (!isMessageList(body.messages)) return "Invalid 'messages': expected a non-empty array of messages with a role.";
  if (body.n !== undefined && (!Number.isInteger(body.n) || (body.n as number) < 1 || (body.n as number) > 128)) {
    return "Invalid 'n': expected an integer between 1 and 128.";
  }
  const choice = (body as unknown as ChatRequest).tool_choice;
  if (typeof choice === 'object' && choice?.function?.name !== undefined) {
    const tools = functionTools(body as unknown as ChatRequest);
    if (!tools.some((tool) => tool.function?.name === choice.function?.name)) {
      return `Invalid 'tool_choice': no function named '${choice.function.name}' in 'tools'.`;
    }
  }
  return undefined;
}

export function chatPromptText(body: JsonObject): string {
  return lastUserText(body.messages as ChatMessage[]);
}

export function chatPromptTokens(request: ChatRequest): number {
  return messagesTokens(request.messages) + toolsTokens(request.tools);
}

export function planChatAnswer(request: ChatRequest, options: MockDirective): ChatAnswer {
  const tool = chosenTool(request);
  if (tool) {
    const name = tool.function?.name as string;
    const args = JSON.stringify(sampleToolInput(tool.function?.parameters));
    return { kind: 'tool', name, arguments: args, finishReason: 'tool_calls', completionTokens: countTokens(name + args) };
  }
  const completion = limitTokens(replyText(request, options), request.max_completion_tokens ?? request.max_tokens);
  return {
    kind: 'text',
    text: completion.text,
    finishReason: completion.truncated ? 'length' : 'stop',
    completionTokens: completion.tokens,
  };
}

function replyText(request: ChatRequest, options: MockDirective): string {
  if (options.reply !== undefined) return options.reply;
  const format = request.response_format?.type;
  if (format === 'json_schema') return JSON.stringify(sampleFromSchema(request.response_format?.json_schema?.schema));
  const reply = defaultReply(lastUserText(request.messages));
  return format === 'json_object' ? JSON.stringify({ reply }) : reply;
}

function functionTools(request: ChatRequest): FunctionTool[] {
  if (!Array.isArray(request.tools)) return [];
  return request.tools.filter((tool) => typeof tool?.function?.name === 'string');
}

/**
 * The named tool, or the first one. With `auto`, a conversation whose last message is a tool
 * result gets a text answer instead, so agent loops driven by the mock terminate.
 */
function chosenTool(request: ChatRequest): FunctionTool | undefined {
  const tools = functionTools(request);
  const choice = request.tool_choice;
  if (tools.length === 0 || choice === 'none') return undefined;
  if (typeof choice === 'object' && choice?.function?.name) {
    return tools.find((tool) => tool.function?.name === choice.function?.name);
  }
  if (choice !== 'required' && request.messages[request.messages.length - 1]?.role === 'tool') return undefined;
  return tools[0];
}
