/**
 * OpenAI chat completion chunks for the translating stream transformers (Anthropic, Gemini,
 * Bedrock): every chunk carries the completion id, created time and model; a complete stream ends
 * with one usage-only chunk (when usage was seen) and `done`.
 */
import type { ChatCompletionChunk, ChatCompletionChunkDelta, ChatCompletionFinishReason } from '@ai-router/contracts';
import type { NormalizedUsage, ResponseContext, StreamEvent } from './adapter.types';
import { chatCompletionId } from './chat-completion';
import { toOpenAIUsage } from './usage';

export class ChatChunkBuilder {
  private readonly id: string;
  /** Choices whose first chunk (with the assistant role) went out. */
  private readonly started = new Set<number>();

  constructor(private readonly ctx: ResponseContext) {
    this.id = chatCompletionId(ctx);
  }

  /** The first chunk of each choice announces the assistant role, as OpenAI's does. */
  delta(index: number, delta: ChatCompletionChunkDelta, finishReason: ChatCompletionFinishReason | null = null): StreamEvent {
    const withRole = this.started.has(index) ? delta : { role: 'assistant' as const, ...delta };
    this.started.add(index);
    const chunk = this.chunk([{ index, delta: withRole, logprobs: null, finish_reason: finishReason }]);
    return { kind: 'data', json: JSON.stringify(chunk), usageOnly: false };
  }

  /** The end of a complete stream. */
  close(usage: NormalizedUsage | null): StreamEvent[] {
    if (!usage) return [{ kind: 'done' }];
    const chunk = { ...this.chunk([]), usage: toOpenAIUsage(usage) };
    return [{ kind: 'data', json: JSON.stringify(chunk), usageOnly: true }, { kind: 'done' }];
  }

  private chunk(choices: ChatCompletionChunk['choices']): ChatCompletionChunk {
    const { created, requestModel } = this.ctx;
    return { id: this.id, object: 'chat.completion.chunk', created, model: requestModel, choices };
  }
}

/**
 * Anthropic and Converse stream a tool call as a start block, then argument fragments addressed by
 * the upstream content block index; OpenAI numbers tool calls from 0 in order of appearance.
 */
export class StreamedToolCalls {
  /** Upstream content block index -> OpenAI tool call index. */
  private readonly indexes = new Map<number, number>();

  start(blockIndex: number, id: string, name: string): ChatCompletionChunkDelta {
    const index = this.indexes.size;
    this.indexes.set(blockIndex, index);
    return { tool_calls: [{ index, id, type: 'function', function: { name, arguments: '' } }] };
  }

  /** Undefined for a fragment of a block that did not start as a tool call. */
  arguments(blockIndex: unknown, fragment: string): ChatCompletionChunkDelta | undefined {
    const index = typeof blockIndex === 'number' ? this.indexes.get(blockIndex) : undefined;
    return index === undefined ? undefined : { tool_calls: [{ index, function: { arguments: fragment } }] };
  }
}
