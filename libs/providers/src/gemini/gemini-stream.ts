/**
 * Gemini `streamGenerateContent?alt=sse` -> OpenAI chat completion chunks. Every `data:` frame is a
 * whole GenerateContentResponse: text and thought parts become deltas, function calls arrive whole
 * and become complete tool call deltas, `usageMetadata` is cumulative (the last one wins and is sent
 * once at the end). Gemini has no `[DONE]`: the stream is complete when it ends after a finish reason.
 */
import type { ResponseContext, StreamEvent } from '../core/adapter.types';
import { ChatChunkBuilder } from '../core/chat-chunks';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import type { SseFrame } from '../core/sse';
import { SseStreamTransformer } from '../core/stream-transformer';
import { geminiStreamError } from './gemini-error';
import {
  blockedPromptError,
  candidateIndex,
  candidateParts,
  readPart,
  toFinishReason,
  toolCallId,
  toToolCall,
  usageFromGemini,
} from './gemini-response';

export class GeminiStreamTransformer extends SseStreamTransformer {
  private readonly chunks: ChatChunkBuilder;
  /** Choices that finished; a repeated finish reason is not sent twice. */
  private readonly finished = new Set<number>();
  /** Choice index -> tool calls it made so far (their OpenAI tool call indexes). */
  private readonly toolCounts = new Map<number, number>();
  /** Tool calls of the whole response, for their ids. */
  private calls = 0;
  /** An error, `done` or the end of input was emitted: nothing may follow. */
  private stopped = false;

  constructor(private readonly ctx: ResponseContext) {
    super();
    this.chunks = new ChatChunkBuilder(ctx);
  }

  override push(chunk: Uint8Array | string): StreamEvent[] {
    return this.track(super.push(chunk));
  }

  override end(): StreamEvent[] {
    const events = this.track(super.end());
    if (this.stopped) return events;
    this.stopped = true;
    // Without a finish reason the upstream was cut off: no usage chunk, no done (a failure for the gateway).
    if (this.finishReason === null) return events;
    return [...events, ...this.chunks.close(this.usage)];
  }

  protected onFrame(frame: SseFrame): StreamEvent[] {
    if (frame.data.trim() === '') return [];
    const response = parseJsonObject(frame.data);
    if (!response) return [{ kind: 'error', error: invalidUpstreamResponse('a stream frame is not a JSON object') }];
    if (response.error !== undefined) return [{ kind: 'error', error: geminiStreamError(response) }];

    if (isRecord(response.usageMetadata)) this.usage = usageFromGemini(response.usageMetadata);
    const candidates = Array.isArray(response.candidates) ? response.candidates.filter(isRecord) : [];
    if (candidates.length === 0) {
      // A blocked prompt is reported in the first frame, before any candidate.
      const blocked = blockedPromptError(response);
      return blocked ? [{ kind: 'error', error: blocked }] : [];
    }
    return candidates.flatMap((candidate, position) => this.onCandidate(candidate, candidateIndex(candidate, position)));
  }

  private onCandidate(candidate: JsonObject, index: number): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const part of candidateParts(candidate)) {
      const view = readPart(part);
      if (view.kind === 'text' && view.text !== '') out.push(this.chunks.delta(index, { content: view.text }));
      else if (view.kind === 'thought' && view.text !== '') out.push(this.chunks.delta(index, { reasoning_content: view.text }));
      else if (view.kind === 'call') {
        const toolIndex = this.toolCounts.get(index) ?? 0;
        this.toolCounts.set(index, toolIndex + 1);
        const call = { index: toolIndex, ...toToolCall(view.call, toolCallId(this.ctx, this.calls++)) };
        out.push(this.chunks.delta(index, { tool_calls: [call] }));
      }
    }
    if (typeof candidate.finishReason === 'string' && !this.finished.has(index)) {
      this.finished.add(index);
      const reason = toFinishReason(candidate.finishReason, this.toolCounts.has(index));
      if (index === 0) this.finishReason = reason;
      out.push(this.chunks.delta(index, {}, reason));
    }
    return out;
  }

  private track(events: StreamEvent[]): StreamEvent[] {
    if (events.some((event) => event.kind !== 'data')) this.stopped = true;
    return events;
  }
}
