/** Anthropic Message -> OpenAI chat completion, and the stop-reason table both directions share. */
import type { ChatCompletionFinishReason } from '@ai-router/contracts';
import type { ResponseContext, TransformedResponse } from '../core/adapter.types';
import { chatCompletionChoice, chatCompletionResponse, emptyReply, functionToolCall } from '../core/chat-completion';
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject } from '../core/json';
import { usageFromAnthropic } from '../core/usage';

export const ANTHROPIC_FINISH_REASONS: Readonly<Record<string, ChatCompletionFinishReason>> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  // Server tools paused a long turn; the client sees a normal end and may continue the conversation.
  pause_turn: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  tool_use: 'tool_calls',
  refusal: 'content_filter',
};

export function toFinishReason(stopReason: unknown): ChatCompletionFinishReason {
  return (typeof stopReason === 'string' && ANTHROPIC_FINISH_REASONS[stopReason]) || 'stop';
}

export function transformAnthropicResponse(body: string, ctx: ResponseContext): TransformedResponse {
  const message = parseJsonObject(body);
  if (!message || !Array.isArray(message.content)) {
    throw new UpstreamResponseError(invalidUpstreamResponse('the body is not an Anthropic message'));
  }
  const reply = emptyReply();
  for (const block of message.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') reply.texts.push(block.text);
    else if (block.type === 'thinking' && typeof block.thinking === 'string') reply.reasoning.push(block.thinking);
    else if (block.type === 'tool_use') reply.toolCalls.push(functionToolCall(String(block.id), String(block.name), block.input));
  }
  const choice = chatCompletionChoice(0, reply, toFinishReason(message.stop_reason));
  return chatCompletionResponse(ctx, [choice], usageFromAnthropic(message.usage));
}
