/**
 * Gemini GenerateContentResponse -> OpenAI chat completion, plus what the stream shares with it:
 * the finish-reason table, usage normalisation, tool call ids and the blocked-prompt error.
 */
import type { ChatCompletionChoice, ChatCompletionFinishReason, ChatCompletionMessageToolCallResult } from '@ai-router/contracts';
import type { NormalizedUsage, ResponseContext, TransformedResponse, UpstreamError } from '../core/adapter.types';
import { chatCompletionChoice, chatCompletionResponse, emptyReply, functionToolCall } from '../core/chat-completion';
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { tokenCount } from '../core/usage';

/** Gemini finishReason -> OpenAI finish_reason; anything else (OTHER, MALFORMED_FUNCTION_CALL, new values) is `stop`. */
export const GEMINI_FINISH_REASONS: Readonly<Record<string, ChatCompletionFinishReason>> = {
  STOP: 'stop',
  MAX_TOKENS: 'length',
  SAFETY: 'content_filter',
  RECITATION: 'content_filter',
  LANGUAGE: 'content_filter',
  BLOCKLIST: 'content_filter',
  PROHIBITED_CONTENT: 'content_filter',
  SPII: 'content_filter',
  IMAGE_SAFETY: 'content_filter',
  IMAGE_PROHIBITED_CONTENT: 'content_filter',
  IMAGE_RECITATION: 'content_filter',
};

/** A natural stop after function calls is OpenAI's `tool_calls`. */
export function toFinishReason(finishReason: unknown, calledTools: boolean): ChatCompletionFinishReason {
  const mapped = (typeof finishReason === 'string' && GEMINI_FINISH_REASONS[finishReason]) || 'stop';
  return mapped === 'stop' && finishReason === 'STOP' && calledTools ? 'tool_calls' : mapped;
}

/** Gemini gives function calls no id; the n-th call of a response gets a stable one. */
export function toolCallId(ctx: ResponseContext, n: number): string {
  return `call_${ctx.requestId}_${n}`;
}

/**
 * `usageMetadata`: the prompt count includes cached content; tool-use prompt tokens (results of
 * built-in tools fed back to the model) are billed as input; thoughts are billed as output.
 */
export function usageFromGemini(raw: unknown): NormalizedUsage | null {
  if (!isRecord(raw)) return null;
  const thoughts = tokenCount(raw.thoughtsTokenCount);
  return {
    inputTokens: tokenCount(raw.promptTokenCount) + tokenCount(raw.toolUsePromptTokenCount),
    outputTokens: tokenCount(raw.candidatesTokenCount) + thoughts,
    cachedInputTokens: tokenCount(raw.cachedContentTokenCount),
    cacheWriteTokens: 0,
    reasoningTokens: thoughts,
  };
}

/** A prompt Gemini refused to answer (`promptFeedback.blockReason`) is the client's 400, not an empty answer. */
export function blockedPromptError(response: JsonObject): UpstreamError | undefined {
  const feedback = isRecord(response.promptFeedback) ? response.promptFeedback : undefined;
  const reason = feedback?.blockReason;
  if (typeof reason !== 'string') return undefined;
  const detail = typeof feedback?.blockReasonMessage === 'string' ? `: ${feedback.blockReasonMessage}` : '';
  return {
    status: 400,
    type: 'invalid_request_error',
    code: 'content_filter',
    param: null,
    message: `The prompt was blocked by the provider's content filter (${reason})${detail}.`,
    retryable: false,
  };
}

export interface GeminiFunctionCall {
  name: string;
  args: unknown;
  thoughtSignature?: string;
}

/** A function call part as an OpenAI tool call; the signature rides along as Google's OpenAI layer sends it. */
export function toToolCall(call: GeminiFunctionCall, id: string): ChatCompletionMessageToolCallResult {
  const toolCall = functionToolCall(id, call.name, call.args);
  if (call.thoughtSignature === undefined) return toolCall;
  return Object.assign(toolCall, { extra_content: { google: { thought_signature: call.thoughtSignature } } });
}

/** The pieces of one content part that matter to OpenAI. */
export type PartView =
  | { kind: 'text'; text: string }
  | { kind: 'thought'; text: string }
  | { kind: 'call'; call: GeminiFunctionCall }
  | { kind: 'other' };

export function readPart(part: unknown): PartView {
  if (!isRecord(part)) return { kind: 'other' };
  if (isRecord(part.functionCall) && typeof part.functionCall.name === 'string') {
    const call: GeminiFunctionCall = { name: part.functionCall.name, args: part.functionCall.args ?? {} };
    if (typeof part.thoughtSignature === 'string') call.thoughtSignature = part.thoughtSignature;
    return { kind: 'call', call };
  }
  if (typeof part.text === 'string') return { kind: part.thought === true ? 'thought' : 'text', text: part.text };
  // inlineData, executableCode, codeExecutionResult and future part types have no chat counterpart.
  return { kind: 'other' };
}

export function candidateParts(candidate: JsonObject): unknown[] {
  const content = isRecord(candidate.content) ? candidate.content : undefined;
  return Array.isArray(content?.parts) ? content.parts : [];
}

export function candidateIndex(candidate: JsonObject, position: number): number {
  return typeof candidate.index === 'number' ? candidate.index : position;
}

function toChoice(candidate: JsonObject, index: number, ctx: ResponseContext, nextCallNumber: () => number): ChatCompletionChoice {
  const reply = emptyReply();
  for (const part of candidateParts(candidate)) {
    const view = readPart(part);
    // Gemini 3 may send an empty text part just to carry a thought signature.
    if (view.kind === 'text' && view.text !== '') reply.texts.push(view.text);
    else if (view.kind === 'thought' && view.text !== '') reply.reasoning.push(view.text);
    else if (view.kind === 'call') reply.toolCalls.push(toToolCall(view.call, toolCallId(ctx, nextCallNumber())));
  }
  return chatCompletionChoice(index, reply, toFinishReason(candidate.finishReason, reply.toolCalls.length > 0));
}

export function transformGeminiResponse(body: string, ctx: ResponseContext): TransformedResponse {
  const response = parseJsonObject(body);
  if (!response) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a Gemini response'));
  const candidates = Array.isArray(response.candidates) ? response.candidates.filter(isRecord) : [];
  if (candidates.length === 0) {
    const blocked = blockedPromptError(response);
    throw new UpstreamResponseError(blocked ?? invalidUpstreamResponse('the Gemini response has no candidates'));
  }

  let calls = 0;
  const choices = candidates
    .map((candidate, position) => ({ candidate, index: candidateIndex(candidate, position) }))
    .sort((a, b) => a.index - b.index)
    .map(({ candidate, index }) => toChoice(candidate, index, ctx, () => calls++));
  return chatCompletionResponse(ctx, choices, usageFromGemini(response.usageMetadata));
}
