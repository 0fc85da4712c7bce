/**
 * Anthropic Messages stream -> OpenAI chat completion chunks. Content blocks become deltas of
 * choice 0; tool_use blocks are numbered in order as OpenAI tool call indexes.
 */
import type { ResponseContext, StreamEvent } from '../core/adapter.types';
import { ChatChunkBuilder, StreamedToolCalls } from '../core/chat-chunks';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import type { SseFrame } from '../core/sse';
import { SseStreamTransformer } from '../core/stream-transformer';
import { usageFromAnthropic } from '../core/usage';
import { anthropicStreamError } from './anthropic-error';
import { toFinishReason } from './anthropic-response';

export class AnthropicStreamTransformer extends SseStreamTransformer {
  private readonly chunks: ChatChunkBuilder;
  private readonly toolCalls = new StreamedToolCalls();
  /** message_start usage, overlaid by message_delta's cumulative counts. */
  private rawUsage: JsonObject | undefined;

  constructor(ctx: ResponseContext) {
    super();
    this.chunks = new ChatChunkBuilder(ctx);
  }

  protected onFrame(frame: SseFrame): StreamEvent[] {
    const event = parseJsonObject(frame.data);
    if (!event) return [{ kind: 'error', error: invalidUpstreamResponse('a stream event is not a JSON object') }];
    switch (event.type) {
      case 'message_start':
        this.addUsage(isRecord(event.message) ? event.message.usage : undefined);
        return [this.chunks.delta(0, { content: '' })];
      case 'content_block_start':
        return this.onBlockStart(event);
      case 'content_block_delta':
        return this.onBlockDelta(event);
      case 'message_delta':
        return this.onMessageDelta(event);
      case 'message_stop':
        return this.chunks.close(this.usage);
      case 'error':
        return [{ kind: 'error', error: anthropicStreamError(event) }];
      default:
        // ping, content_block_stop, and event types Anthropic may add later carry nothing for OpenAI.
        return [];
    }
  }

  private onBlockStart(event: JsonObject): StreamEvent[] {
    const block = isRecord(event.content_block) ? event.content_block : {};
    if (block.type === 'tool_use' && typeof event.index === 'number') {
      return [this.chunks.delta(0, this.toolCalls.start(event.index, String(block.id), String(block.name)))];
    }
    if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
      return [this.chunks.delta(0, { content: block.text })];
    }
    if (block.type === 'thinking' && typeof block.thinking === 'string' && block.thinking !== '') {
      return [this.chunks.delta(0, { reasoning_content: block.thinking })];
    }
    return [];
  }

  private onBlockDelta(event: JsonObject): StreamEvent[] {
    const delta = isRecord(event.delta) ? event.delta : {};
    if (delta.type === 'text_delta' && typeof delta.text === 'string') return [this.chunks.delta(0, { content: delta.text })];
    if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string' && delta.thinking !== '') {
      return [this.chunks.delta(0, { reasoning_content: delta.thinking })];
    }
    if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string' && delta.partial_json !== '') {
      const args = this.toolCalls.arguments(event.index, delta.partial_json);
      return args ? [this.chunks.delta(0, args)] : [];
    }
    // signature_delta, citations_delta: no OpenAI counterpart.
    return [];
  }

  private onMessageDelta(event: JsonObject): StreamEvent[] {
    this.addUsage(event.usage);
    const stopReason = isRecord(event.delta) ? event.delta.stop_reason : undefined;
    if (typeof stopReason !== 'string') return [];
    const finishReason = toFinishReason(stopReason);
    this.finishReason = finishReason;
    return [this.chunks.delta(0, {}, finishReason)];
  }

  /** Counts in message_delta are cumulative, so non-null values replace what message_start said. */
  private addUsage(raw: unknown): void {
    if (!isRecord(raw)) return;
    const merged: JsonObject = { ...this.rawUsage };
    for (const [key, value] of Object.entries(raw)) if (value !== null && value !== undefined) merged[key] = value;
    this.rawUsage = merged;
    this.usage = usageFromAnthropic(merged);
  }
}
