/**
 * Anthropic Messages stream -> OpenAI chat completion chunks. Content blocks become deltas of
 * choice 0; tool_use blocks are numbered in order as OpenAI tool call indexes.
 */
import type { ChatCompletionChunk, ChatCompletionChunkDelta, ChatCompletionFinishReason } from '@ai-router/contracts';
import type { ResponseContext, StreamEvent } from '../core/adapter.types';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import type { SseFrame } from '../core/sse';
import { SseStreamTransformer } from '../core/sse-stream-transformer';
import { toOpenAIUsage, usageFromAnthropic } from '../core/usage';
import { anthropicStreamError } from './anthropic-error';
import { chatCompletionId, toFinishReason } from './anthropic-response';

export class AnthropicStreamTransformer extends SseStreamTransformer {
  private readonly id: string;
  private roleSent = false;
  /** Anthropic content block index -> OpenAI tool call index. */
  private readonly toolIndexes = new Map<number, number>();
  /** message_start usage, overlaid by message_delta's cumulative counts. */
  private rawUsage: JsonObject | undefined;

  constructor(private readonly ctx: ResponseContext) {
    super();
    this.id = chatCompletionId(ctx);
  }

  protected onFrame(frame: SseFrame): StreamEvent[] {
    const event = parseJsonObject(frame.data);
    if (!event) return [{ kind: 'error', error: invalidUpstreamResponse('a stream event is not a JSON object') }];
    switch (event.type) {
      case 'message_start':
        this.addUsage(isRecord(event.message) ? event.message.usage : undefined);
        return [this.delta({ content: '' })];
      case 'content_block_start':
        return this.onBlockStart(event);
      case 'content_block_delta':
        return this.onBlockDelta(event);
      case 'message_delta':
        return this.onMessageDelta(event);
      case 'message_stop':
        return this.usage ? [this.usageChunk(), { kind: 'done' }] : [{ kind: 'done' }];
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
      const index = this.toolIndexes.size;
      this.toolIndexes.set(event.index, index);
      const name = String(block.name);
      const call = { index, id: String(block.id), type: 'function' as const, function: { name, arguments: '' } };
      return [this.delta({ tool_calls: [call] })];
    }
    if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
      return [this.delta({ content: block.text })];
    }
    if (block.type === 'thinking' && typeof block.thinking === 'string' && block.thinking !== '') {
      return [this.delta({ reasoning_content: block.thinking })];
    }
    return [];
  }

  private onBlockDelta(event: JsonObject): StreamEvent[] {
    const delta = isRecord(event.delta) ? event.delta : {};
    if (delta.type === 'text_delta' && typeof delta.text === 'string') return [this.delta({ content: delta.text })];
    if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string' && delta.thinking !== '') {
      return [this.delta({ reasoning_content: delta.thinking })];
    }
    if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string' && delta.partial_json !== '') {
      const index = typeof event.index === 'number' ? this.toolIndexes.get(event.index) : undefined;
      if (index === undefined) return [];
      return [this.delta({ tool_calls: [{ index, function: { arguments: delta.partial_json } }] })];
    }
    // signature_delta, citations_delta: no OpenAI counterpart.
    return [];
  }

  private onMessageDelta(event: JsonObject): StreamEvent[] {
    this.addUsage(event.usage);
    const stopReason = isRecord(event.delta) ? event.delta.stop_reason : undefined;
    if (typeof stopReason !== 'string') return [];
    this.finishReason = toFinishReason(stopReason);
    return [this.delta({}, this.finishReason as ChatCompletionFinishReason)];
  }

  /** Counts in message_delta are cumulative, so non-null values replace what message_start said. */
  private addUsage(raw: unknown): void {
    if (!isRecord(raw)) return;
    const merged: JsonObject = { ...this.rawUsage };
    for (const [key, value] of Object.entries(raw)) if (value !== null && value !== undefined) merged[key] = value;
    this.rawUsage = merged;
    this.usage = usageFromAnthropic(merged);
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
