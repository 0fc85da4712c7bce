/**
 * OpenAI chat completions for the translating families (Anthropic, Gemini, Bedrock): each reads its
 * own wire format into text, reasoning and tool calls; the OpenAI shape is assembled here.
 */
import type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionFinishReason,
  ChatCompletionMessage,
  ChatCompletionMessageToolCallResult,
} from '@ai-router/contracts';
import type { NormalizedUsage, ResponseContext, TransformedResponse } from './adapter.types';
import { toOpenAIUsage } from './usage';

/** Translated answers have no OpenAI id; the gateway's request id gives a stable one (streams too). */
export function chatCompletionId(ctx: ResponseContext): string {
  return `chatcmpl-${ctx.requestId}`;
}

/** What one choice said, each list in reading order. */
export interface AssistantReply {
  texts: string[];
  reasoning: string[];
  toolCalls: ChatCompletionMessageToolCallResult[];
}

export function emptyReply(): AssistantReply {
  return { texts: [], reasoning: [], toolCalls: [] };
}

/** The families carry tool input as an object; OpenAI carries `arguments` as a JSON string. */
export function functionToolCall(id: string, name: string, input: unknown): ChatCompletionMessageToolCallResult {
  return { id, type: 'function', function: { name, arguments: JSON.stringify(input ?? {}) } };
}

/** No text is `content: null`; reasoning and tool calls appear only when there are some. */
function assistantMessage(reply: AssistantReply): ChatCompletionMessage {
  return {
    role: 'assistant',
    content: reply.texts.length > 0 ? reply.texts.join('') : null,
    ...(reply.reasoning.length > 0 ? { reasoning_content: reply.reasoning.join('') } : {}),
    ...(reply.toolCalls.length > 0 ? { tool_calls: reply.toolCalls } : {}),
    refusal: null,
  };
}

export function chatCompletionChoice(
  index: number,
  reply: AssistantReply,
  finishReason: ChatCompletionFinishReason,
): ChatCompletionChoice {
  return { index, message: assistantMessage(reply), logprobs: null, finish_reason: finishReason };
}

export function chatCompletionResponse(
  ctx: ResponseContext,
  choices: ChatCompletionChoice[],
  usage: NormalizedUsage | null,
): TransformedResponse {
  const completion: ChatCompletion = {
    id: chatCompletionId(ctx),
    object: 'chat.completion',
    created: ctx.created,
    model: ctx.requestModel,
    choices,
  };
  if (usage) completion.usage = toOpenAIUsage(usage);
  return { body: JSON.stringify(completion), usage };
}
