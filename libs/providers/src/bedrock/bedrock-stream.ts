/**
 * ConverseStream (binary event stream) -> OpenAI chat completion chunks. Events are told apart by the
 * `:event-type` header and carry their member as JSON; toolUse blocks are numbered in order as
 * OpenAI tool call indexes; `metadata` (usage, metrics) ends the stream with one usage-only chunk.
 */
import type { ChatCompletionChunk, ChatCompletionChunkDelta, ChatCompletionFinishReason } from '@ai-router/contracts';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import type { NormalizedUsage, ResponseContext, StreamEvent, StreamTransformer } from '../core/adapter.types';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import { toOpenAIUsage } from '../core/usage';
import { bedrockStreamError } from './bedrock-error';
import { createEventStreamDecoder, type EventStreamMessage, headerText } from './bedrock-event-stream';
import { chatCompletionId, toFinishReason, usageFromBedrock } from './bedrock-response';

export class BedrockStreamTransformer implements StreamTransformer {
  usage: NormalizedUsage | null = null;
  finishReason: string | null = null;
  private readonly decoder = createEventStreamDecoder();
  private readonly id: string;
  private closed = false;
  private roleSent = false;
  /** Converse contentBlockIndex -> OpenAI tool call index. */
  private readonly toolIndexes = new Map<number, number>();

  constructor(private readonly ctx: ResponseContext) {
    this.id = chatCompletionId(ctx);
  }

  push(chunk: Uint8Array | string): StreamEvent[] {
    if (this.closed) return [];
    return this.handle(this.decoder.push(typeof chunk === 'string' ? fromUtf8(chunk) : chunk));
  }

  end(): StreamEvent[] {
    return this.closed ? [] : this.handle(this.decoder.end());
  }

  private handle(messages: EventStreamMessage[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const message of messages) {
      for (const event of this.onMessage(message)) {
        out.push(event);
        if (event.kind !== 'data') this.closed = true;
      }
      if (this.closed) return out;
    }
    if (this.decoder.failure !== undefined) {
      this.closed = true;
      out.push({ kind: 'error', error: invalidUpstreamResponse(this.decoder.failure) });
    }
    return out;
  }

  private onMessage(message: EventStreamMessage): StreamEvent[] {
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
        return [this.delta({ content: '' })];
      case 'contentBlockStart':
        return this.onBlockStart(event);
      case 'contentBlockDelta':
        return this.onBlockDelta(event);
      case 'messageStop':
        this.finishReason = toFinishReason(event.stopReason);
        return [this.delta({}, this.finishReason as ChatCompletionFinishReason)];
      case 'metadata':
        // Metrics (latencyMs) and guardrail traces have no place in an OpenAI chunk.
        this.usage = usageFromBedrock(event.usage);
        return this.usage ? [this.usageChunk(), { kind: 'done' }] : [{ kind: 'done' }];
      default:
        // contentBlockStop, and event types Bedrock may add later, carry nothing for OpenAI.
        return [];
    }
  }

  private onBlockStart(event: JsonObject): StreamEvent[] {
    const start = isRecord(event.start) ? event.start : {};
    if (!isRecord(start.toolUse) || typeof event.contentBlockIndex !== 'number') return [];
    const index = this.toolIndexes.size;
    this.toolIndexes.set(event.contentBlockIndex, index);
    const { toolUseId, name } = start.toolUse;
    const call = { index, id: String(toolUseId), type: 'function' as const, function: { name: String(name), arguments: '' } };
    return [this.delta({ tool_calls: [call] })];
  }

  private onBlockDelta(event: JsonObject): StreamEvent[] {
    const delta = isRecord(event.delta) ? event.delta : {};
    if (typeof delta.text === 'string') return delta.text === '' ? [] : [this.delta({ content: delta.text })];
    if (isRecord(delta.toolUse) && typeof delta.toolUse.input === 'string' && delta.toolUse.input !== '') {
      const index = typeof event.contentBlockIndex === 'number' ? this.toolIndexes.get(event.contentBlockIndex) : undefined;
      if (index === undefined) return [];
      return [this.delta({ tool_calls: [{ index, function: { arguments: delta.toolUse.input } }] })];
    }
    if (isRecord(delta.reasoningContent)) {
      const text = delta.reasoningContent.text;
      // signature and redactedContent deltas have no OpenAI counterpart.
      return typeof text === 'string' && text !== '' ? [this.delta({ reasoning_content: text })] : [];
    }
    // citation deltas and future delta kinds.
    return [];
  }

  private chunk(choices: ChatCompletionChunk['choices']): ChatCompletionChunk {
    const { created, requestModel } = this.ctx;
    return { id: this.id, object: 'chat.completion.chunk', created, model: requestModel, choices };
  }

  /** The first chunk of a stream announces the assistant role, as OpenAI's does. */
  private delta(delta: ChatCompletionChunkDelta, finishReason: ChatCompletionFinishReason | null = null): StreamEvent {
    const withRole = this.roleSent ? delta : { role: 'assistant' as const, ...delta };
    this.roleSent = true;
    const chunk = this.chunk([{ index: 0, delta: withRole, logprobs: null, finish_reason: finishReason }]);
    return { kind: 'data', json: JSON.stringify(chunk), usageOnly: false };
  }

  private usageChunk(): StreamEvent {
    const chunk = { ...this.chunk([]), usage: toOpenAIUsage(this.usage!) };
    return { kind: 'data', json: JSON.stringify(chunk), usageOnly: true };
  }
}
