/**
 * What the mock answers to a Messages request, independent of streaming: content blocks, stop
 * reason and usage. A forced tool choice yields only a `tool_use` block; `auto` yields a short text
 * block first, as Claude usually does, so adapters must map block indexes correctly.
 */
import { defaultReply, limitTokens } from '../reply';
import type { RouteRequest } from '../route';
import { sampleToolInput } from '../schema-sample';
import { contentText, countTokens, isMessageList, lastUserText, messagesTokens, toolsTokens } from '../tokens';
import type { MockDirective } from '../types';

export interface AnthropicMessage {
  role?: string;
  content?: unknown;
}

interface Tool {
  name?: string;
  input_schema?: unknown;
}

export interface MessagesRequest {
  model: string;
  max_tokens: number;
  messages: AnthropicMessage[];
  system?: unknown;
  stream?: boolean;
  tools?: Tool[];
  tool_choice?: { type?: string; name?: string };
}

export type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: unknown };

export type StopReason = 'end_turn' | 'max_tokens' | 'tool_use';

export interface AnthropicUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
  service_tier: 'standard';
}

export interface MessageAnswer {
  id: string;
  content: ContentBlock[];
  stopReason: StopReason;
  usage: AnthropicUsage;
}

export function validateMessages(body: Record<string, unknown>, version: unknown): string | undefined {
  if (typeof version !== 'string' || version === '') return 'anthropic-version: header is required';
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (!Number.isInteger(body.max_tokens) || (body.max_tokens as number) < 1) return 'max_tokens: Field required';
  if (!isMessageList(body.messages)) return 'messages: expected a non-empty array of messages with a role';
  const choice = (body as unknown as MessagesRequest).tool_choice;
  if (choice?.type === 'tool' && !namedTools(body as unknown as MessagesRequest).some((tool) => tool.name === choice.name)) {
    return `tool_choice: tool '${String(choice.name)}' not found in tools`;
  }
  return undefined;
}

export function planMessage(request: MessagesRequest, input: RouteRequest): MessageAnswer {
  const options = input.options;
  const id = input.id('msg_');
  const usage = inputUsage(request, options);
  const tool = chosenTool(request);
  if (tool) {
    const name = tool.name as string;
    const toolInput = sampleToolInput(tool.input_schema);
    const content: ContentBlock[] = [{ type: 'tool_use', id: input.id('toolu_'), name, input: toolInput }];
    if (request.tool_choice?.type !== 'any' && request.tool_choice?.type !== 'tool') {
      content.unshift({ type: 'text', text: options.reply ?? `Mock call to ${name}.` });
    }
    usage.output_tokens = outputTokens(content);
    return { id, content, stopReason: 'tool_use', usage };
  }
  const reply = options.reply ?? defaultReply(lastUserText(request.messages));
  const completion = limitTokens(reply, request.max_tokens);
  usage.output_tokens = completion.tokens;
  const stopReason = completion.truncated ? 'max_tokens' : 'end_turn';
  return { id, content: [{ type: 'text', text: completion.text }], stopReason, usage };
}

/**
 * Anthropic reports `input_tokens` excluding cache reads and writes; the three add up to the
 * whole prompt. Directives choose how much of the prompt was read from or written to the cache.
 */
function inputUsage(request: MessagesRequest, options: MockDirective): AnthropicUsage {
  const total = messagesTokens(request.messages) + countTokens(contentText(request.system)) + toolsTokens(request.tools);
  const read = Math.min(total, Math.max(0, options.cachedTokens ?? 0));
  const write = Math.min(total - read, Math.max(0, options.cacheWriteTokens ?? 0));
  return {
    input_tokens: total - read - write,
    cache_creation_input_tokens: write,
    cache_read_input_tokens: read,
    output_tokens: 0,
    service_tier: 'standard',
  };
}

function outputTokens(content: ContentBlock[]): number {
  let tokens = 0;
  for (const block of content) {
    tokens += block.type === 'text' ? countTokens(block.text) : countTokens(block.name + JSON.stringify(block.input));
  }
  return tokens;
}

function namedTools(request: MessagesRequest): Tool[] {
  return Array.isArray(request.tools) ? request.tools.filter((tool) => typeof tool?.name === 'string') : [];
}

/** After a tool result, `auto` answers with text so agent loops driven by the mock terminate. */
function chosenTool(request: MessagesRequest): Tool | undefined {
  const tools = namedTools(request);
  const choice = request.tool_choice?.type;
  if (tools.length === 0 || choice === 'none') return undefined;
  if (choice === 'tool') return tools.find((tool) => tool.name === request.tool_choice?.name);
  if (choice !== 'any' && endsWithToolResult(request.messages)) return undefined;
  return tools[0];
}

function endsWithToolResult(messages: AnthropicMessage[]): boolean {
  const content = messages[messages.length - 1]?.content;
  return Array.isArray(content) && content.some((block: { type?: string } | null) => block?.type === 'tool_result');
}
