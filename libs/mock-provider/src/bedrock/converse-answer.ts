/**
 * What the mock answers to a Converse request, independent of streaming: content blocks, stop reason
 * and usage. Like Claude (the usual Bedrock model), `auto` tool choice answers a short text block then
 * the toolUse block; `any` / a named tool answers only the toolUse block.
 */
import { defaultReply, limitTokens, splitText, stoppedEarly } from '../reply';
import type { JsonObject, RouteRequest } from '../route';
import { sampleToolInput } from '../schema-sample';
import { MESSAGE_OVERHEAD_TOKENS, contentText, countTokens, lastUserText, toolsTokens } from '../tokens';
import type { MockDirective } from '../types';

interface BedrockMessage {
  role?: string;
  content?: { text?: string; toolResult?: unknown }[];
}

interface BedrockTool {
  toolSpec?: { name?: string; inputSchema?: { json?: unknown } };
}

export interface ConverseRequest {
  messages: BedrockMessage[];
  system?: { text?: string }[];
  inferenceConfig?: { maxTokens?: number };
  toolConfig?: { tools?: BedrockTool[]; toolChoice?: { auto?: object; any?: object; tool?: { name?: string } } };
}

export type OutputBlock = { text: string } | { toolUse: { toolUseId: string; name: string; input: unknown } };

export interface BedrockUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  cacheReadInputTokens?: number;
  cacheWriteInputTokens?: number;
}

export interface ConverseAnswer {
  content: OutputBlock[];
  stopReason: string;
  usage: BedrockUsage;
}

/** Messages worded like the service's ValidationException, so adapters can surface them unchanged. */
export function validateConverse(body: JsonObject): string | undefined {
  const request = body as unknown as ConverseRequest;
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    return "1 validation error detected: Value at 'messages' failed to satisfy constraint: Member must not be null or empty";
  }
  for (const [index, message] of request.messages.entries()) {
    if (message === null || typeof message !== 'object' || (message.role !== 'user' && message.role !== 'assistant')) {
      return `1 validation error detected: Value at 'messages.${index + 1}.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]`;
    }
    if (!Array.isArray(message.content) || message.content.length === 0) {
      return `1 validation error detected: Value at 'messages.${index + 1}.member.content' failed to satisfy constraint: Member must not be null or empty`;
    }
  }
  if (request.messages[0].role !== 'user') {
    return 'A conversation must start with a user message. Try again with a conversation that starts with a user message.';
  }
  const max = request.inferenceConfig?.maxTokens;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    return "1 validation error detected: Value at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1";
  }
  const config = request.toolConfig;
  if (config !== undefined && namedTools(request).length === 0) {
    return "1 validation error detected: Value at 'toolConfig.tools' failed to satisfy constraint: Member must have length greater than or equal to 1";
  }
  const forced = config?.toolChoice?.tool?.name;
  if (forced !== undefined && !namedTools(request).some((tool) => tool.toolSpec?.name === forced)) {
    return `The tool '${forced}' named in toolConfig.toolChoice is not defined in toolConfig.tools.`;
  }
  return undefined;
}

/** The text blocks of the last user message (tool results are not directive sources). */
export function conversePromptText(body: JsonObject): string {
  return lastUserText((body as unknown as ConverseRequest).messages);
}

export function planConverse(request: ConverseRequest, input: RouteRequest): ConverseAnswer {
  const options = input.options;
  const tool = chosenTool(request);
  if (tool) {
    const name = tool.toolSpec?.name as string;
    const toolInput = sampleToolInput(tool.toolSpec?.inputSchema?.json);
    const content: OutputBlock[] = [{ toolUse: { toolUseId: input.id('tooluse_'), name, input: toolInput } }];
    const choice = request.toolConfig?.toolChoice;
    if (!choice?.any && !choice?.tool) content.unshift({ text: options.reply ?? `Mock call to ${name}.` });
    return { content, stopReason: 'tool_use', usage: usage(request, options, outputTokens(content)) };
  }
  const completion = limitTokens(options.reply ?? defaultReply(conversePromptText(request as unknown as JsonObject)), request.inferenceConfig?.maxTokens);
  let text = completion.text;
  let stopReason = completion.truncated ? 'max_tokens' : 'end_turn';
  if (options.finishReason !== undefined && options.finishReason !== 'end_turn') {
    text = stoppedEarly(splitText(text, options.chunks)).join('');
    stopReason = options.finishReason;
  }
  return { content: [{ text }], stopReason, usage: usage(request, options, countTokens(text)) };
}

/**
 * `inputTokens` excludes cache reads and writes, which Bedrock reports beside it (only when there
 * are any); `totalTokens` adds all of them to the output.
 */
function usage(request: ConverseRequest, options: MockDirective, output: number): BedrockUsage {
  let prompt = countTokens(contentText(request.system)) + toolsTokens(request.toolConfig?.tools);
  for (const message of request.messages) prompt += countTokens(contentText(message.content)) + MESSAGE_OVERHEAD_TOKENS;
  const read = Math.min(prompt, options.cachedTokens ?? 0);
  const write = Math.min(prompt - read, options.cacheWriteTokens ?? 0);
  const result: BedrockUsage = { inputTokens: prompt - read - write, outputTokens: output, totalTokens: prompt + output };
  if (read > 0) result.cacheReadInputTokens = read;
  if (write > 0) result.cacheWriteInputTokens = write;
  return result;
}

function outputTokens(content: OutputBlock[]): number {
  let tokens = 0;
  for (const block of content) {
    tokens += 'text' in block ? countTokens(block.text) : countTokens(block.toolUse.name + JSON.stringify(block.toolUse.input));
  }
  return tokens;
}

function namedTools(request: ConverseRequest): BedrockTool[] {
  const tools = request.toolConfig?.tools;
  return Array.isArray(tools) ? tools.filter((tool) => typeof tool?.toolSpec?.name === 'string') : [];
}

/** After a tool result, `auto` answers text so agent loops driven by the mock terminate. */
function chosenTool(request: ConverseRequest): BedrockTool | undefined {
  const tools = namedTools(request);
  const choice = request.toolConfig?.toolChoice;
  if (tools.length === 0) return undefined;
  if (choice?.tool) return tools.find((tool) => tool.toolSpec?.name === choice.tool?.name);
  if (choice?.any) return tools[0];
  const last = request.messages[request.messages.length - 1];
  if (last.content?.some((block) => block?.toolResult !== undefined)) return undefined;
  return tools[0];
}
