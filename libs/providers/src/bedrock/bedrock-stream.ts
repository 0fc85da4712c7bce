/**
 * ConverseStream (binary event stream) -> OpenAI chat completion chunks. Events are told apart by the
 * `:event-type` header and carry their member as JSON; toolUse blocks are numbered in order as
 * OpenAI tool call indexes; `metadata` (usage, metrics) ends the stream with one usage-only chunk.
 */
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { ResponseContext, StreamEvent } from '../core/adapter.types';
import { ChatChunkBuilder, StreamedToolCalls } from '../core/chat-chunks';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { type FrameDecoder, FramedStreamTransformer } from '../core/stream-transformer';
import { bedrockStreamError } from './bedrock-error';
import { createEventStreamDecoder, type EventStreamMessage, headerText } from './bedrock-event-stream';
import { toFinishReason, usageFromBedrock } from './bedrock-response';

function eventStreamFrames(): FrameDecoder<EventStreamMessage> {
  const decoder = createEventStreamDecoder();
  return {
    push: (chunk) => decoder.push(typeof chunk === 'string' ? fromUtf8(chunk) : chunk),
    end: () => decoder.end(),
    get failure() {
      return decoder.failure;
    },
  };
}

export class BedrockStreamTransformer extends FramedStreamTransformer<EventStreamMessage> {
  private readonly chunks: ChatChunkBuilder;
  private readonly toolCalls = new StreamedToolCalls();

  constructor(ctx: ResponseContext) {
    super(eventStreamFrames());
    this.chunks = new ChatChunkBuilder(ctx);
  }

  protected onFrame(message: EventStreamMessage): StreamEvent[] {
    const payload = toUtf8(message.body);
    const messageType = headerText(message, ':message-type') ?? 'event';
    if (messageType === 'exception') {
      return [{ kind: 'error', error: bedrockStreamError(headerText(message, ':exception-type'), payload) }];
    }
    if (messageType === 'error') {
      const error = bedrockStreamError(headerText(message, ':error-code'), payload, headerText(message, ':error-message'));
      return [{ kind: 'error', error }];
    }
    if (messageType !== 'event') return [];
    const event = parseJsonObject(payload);
    if (!event) return [{ kind: 'error', error: invalidUpstreamResponse('a stream event is not a JSON object') }];
    switch (headerText(message, ':event-type')) {
      case 'messageStart':
        return [this.chunks.delta(0, { content: '' })];
      case 'contentBlockStart':
        return this.onBlockStart(event);
      case 'contentBlockDelta':
        return this.onBlockDelta(event);
      case 'messageStop': {
        const finishReason = toFinishReason(event.stopReason);
        this.finishReason = finishReason;
        return [this.chunks.delta(0, {}, finishReason)];
      }
      case 'metadata':
        // Metrics (latencyMs) and guardrail traces have no place in an OpenAI chunk.
        this.usage = usageFromBedrock(event.usage);
        return this.chunks.close(this.usage);
      default:
        // contentBlockStop, and event types Bedrock may add later, carry nothing for OpenAI.
        return [];
    }
  }

  private onBlockStart(event: JsonObject): StreamEvent[] {
    const start = isRecord(event.start) ? event.start : {};
    if (!isRecord(start.toolUse) || typeof event.contentBlockIndex !== 'number') return [];
    const { toolUseId, name } = start.toolUse;
    return [this.chunks.delta(0, this.toolCalls.start(event.contentBlockIndex, String(toolUseId), String(name)))];
  }

  private onBlockDelta(event: JsonObject): StreamEvent[] {
    const delta = isRecord(event.delta) ? event.delta : {};
    if (typeof delta.text === 'string') return delta.text === '' ? [] : [this.chunks.delta(0, { content: delta.text })];
    if (isRecord(delta.toolUse) && typeof delta.toolUse.input === 'string' && delta.toolUse.input !== '') {
      const args = this.toolCalls.arguments(event.contentBlockIndex, delta.toolUse.input);
      return args ? [this.chunks.delta(0, args)] : [];
    }
    if (isRecord(delta.reasoningContent)) {
      const text = delta.reasoningContent.text;
      // signature and redactedContent deltas have no OpenAI counterpart.
      return typeof text === 'string' && text !== '' ? [this.chunks.delta(0, { reasoning_content: text })] : [];
    }
    // citation deltas and future delta kinds.
    return [];
  }
}
