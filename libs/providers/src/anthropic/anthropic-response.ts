/** Anthropic Message -> OpenAI chat completion, and the stop-reason table both directions share. */
import type {
  ChatCompletion,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
  ChatCompletionMessageToolCallResult,
} from '@ai-router/contracts';
import type { ResponseContext, TransformedResponse } from '../core/adapter.types';
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject } from '../core/json';
import { toOpenAIUsage, usageFromAnthropic } from '../core/usage';

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

export function chatCompletionId(ctx: ResponseContext): string {
  return `chatcmpl-${ctx.requestId}`;
}

export function transformAnthropicResponse(body: string, ctx: ResponseContext): TransformedResponse {
  const message = parseJsonObject(body);
  if (!message || !Array.isArray(message.content)) {
    throw new UpstreamResponseError(invalidUpstreamResponse('the body is not an Anthropic message'));
  }
  const texts: string[] = [];
  const reasoning: string[] = [];
  const toolCalls: ChatCompletionMessageToolCallResult[] = [];
  for (const block of message.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') texts.push(block.text);
    else if (block.type === 'thinking' && typeof block.thinking === 'string') reasoning.push(block.thinking);
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: String(block.id),
        type: 'function',
        function: { name: String(block.name), arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }

  const reply: ChatCompletionMessage = {
    role: 'assistant',
    content: texts.length > 0 ? texts.join('') : null,
    ...(reasoning.length > 0 ? { reasoning_content: reasoning.join('') } : {}),
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    refusal: null,
  };

  const usage = usageFromAnthropic(message.usage);
  const completion: ChatCompletion = {
    id: chatCompletionId(ctx),
    object: 'chat.completion',
    created: ctx.created,
    model: ctx.requestModel,
    choices: [{ index: 0, message: reply, logprobs: null, finish_reason: toFinishReason(message.stop_reason) }],
  };
  if (usage) completion.usage = toOpenAIUsage(usage);
  return { body: JSON.stringify(completion), usage };
}
