/**
 * Converse response -> OpenAI chat completion, with the stop-reason table and the usage rule that
 * the stream shares.
 */
import type { ChatCompletionFinishReason } from '@ai-router/contracts';
import type { NormalizedUsage, ResponseContext, TransformedResponse } from '../core/adapter.types';
import { chatCompletionChoice, chatCompletionResponse, emptyReply, functionToolCall } from '../core/chat-completion';
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject } from '../core/json';
import { tokenCount } from '../core/usage';

export const BEDROCK_FINISH_REASONS: Readonly<Record<string, ChatCompletionFinishReason>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  guardrail_intervened: 'content_filter',
  content_filtered: 'content_filter',
};

/** Unknown reasons (e.g. `malformed_model_output`) read as a normal stop: the text is all there is. */
export function toFinishReason(stopReason: unknown): ChatCompletionFinishReason {
  return (typeof stopReason === 'string' && BEDROCK_FINISH_REASONS[stopReason]) || 'stop';
}

/**
 * Converse `usage` (TokenUsage). The usage rule: Bedrock's `inputTokens` counts only the prompt
 * tokens that were neither read from nor written to the prompt cache; `cacheReadInputTokens` and
 * `cacheWriteInputTokens` are reported beside it (AWS prompt-caching guide: total input =
 * inputTokens + cacheReadInputTokens + cacheWriteInputTokens, which is also what `totalTokens`
 * adds up with the output). So all three add up to the prompt size. Bedrock does not break
 * reasoning tokens out of `outputTokens`, so reasoningTokens stays 0.
 */
export function usageFromBedrock(raw: unknown): NormalizedUsage | null {
  if (!isRecord(raw)) return null;
  const cacheRead = tokenCount(raw.cacheReadInputTokens);
  const cacheWrite = tokenCount(raw.cacheWriteInputTokens);
  return {
    inputTokens: tokenCount(raw.inputTokens) + cacheRead + cacheWrite,
    outputTokens: tokenCount(raw.outputTokens),
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: 0,
  };
}

export function transformConverseResponse(body: string, ctx: ResponseContext): TransformedResponse {
  const response = parseJsonObject(body);
  const output = isRecord(response?.output) ? response.output : undefined;
  const message = isRecord(output?.message) ? output.message : undefined;
  if (!response || !message || !Array.isArray(message.content)) {
    throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Bedrock Converse response'));
  }
  const reply = emptyReply();
  for (const block of message.content) {
    if (!isRecord(block)) continue;
    if (typeof block.text === 'string') reply.texts.push(block.text);
    else if (isRecord(block.reasoningContent)) {
      const reasoningText = block.reasoningContent.reasoningText;
      if (isRecord(reasoningText) && typeof reasoningText.text === 'string') reply.reasoning.push(reasoningText.text);
    } else if (isRecord(block.toolUse)) {
      const { toolUseId, name, input } = block.toolUse;
      reply.toolCalls.push(functionToolCall(String(toolUseId), String(name), input));
    }
    // citationsContent, images, guardContent and blocks Bedrock adds later have no OpenAI counterpart.
  }
  const choice = chatCompletionChoice(0, reply, toFinishReason(response.stopReason));
  return chatCompletionResponse(ctx, [choice], usageFromBedrock(response.usage));
}
