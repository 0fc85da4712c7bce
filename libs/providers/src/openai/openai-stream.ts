/**
 * Pass-through stream transformer for OpenAI-format upstreams: each `data:` payload is forwarded as
 * is, while usage and choice 0's finish reason are read on the way.
 */
import type { StreamEvent } from '../core/adapter.types';
import { invalidUpstreamResponse } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';
import type { SseFrame } from '../core/sse';
import { SseStreamTransformer } from '../core/stream-transformer';
import { usageFromOpenAI } from '../core/usage';
import { openAIStreamError } from './openai-error';

export interface OpenAIStreamOptions {
  /**
   * Drop chunks without choices and without usage, such as Azure's leading
   * `{"choices":[],"prompt_filter_results":[...]}`: they carry nothing an OpenAI client can use.
   */
  readonly dropChoicelessChunks?: boolean;
}

function isChoiceless(chunk: JsonObject): boolean {
  if (isRecord(chunk.usage)) return false;
  if (Array.isArray(chunk.choices)) return chunk.choices.length === 0;
  return chunk.choices === undefined && chunk.prompt_filter_results !== undefined;
}

export class OpenAIStreamTransformer extends SseStreamTransformer {
  constructor(private readonly options: OpenAIStreamOptions = {}) {
    super();
  }

  protected onFrame(frame: SseFrame): StreamEvent[] {
    const data = frame.data.trim();
    if (data === '') return [];
    if (data === '[DONE]') return [{ kind: 'done' }];
    const chunk = parseJsonObject(data);
    if (!chunk) return [{ kind: 'error', error: invalidUpstreamResponse('a stream chunk is not a JSON object') }];
    if (chunk.error !== undefined || frame.event === 'error') {
      return [{ kind: 'error', error: openAIStreamError(chunk) }];
    }
    if (this.options.dropChoicelessChunks && isChoiceless(chunk)) return [];

    if (isRecord(chunk.usage)) this.usage = usageFromOpenAI(chunk.usage);
    const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
    for (const choice of choices) {
      if (!isRecord(choice) || (choice.index ?? 0) !== 0) continue;
      if (typeof choice.finish_reason === 'string') this.finishReason = choice.finish_reason;
      // Moonshot (Kimi) reports stream usage inside the last choice instead of at the top level.
      if (!isRecord(chunk.usage) && isRecord(choice.usage)) this.usage = usageFromOpenAI(choice.usage);
    }
    const usageOnly = Array.isArray(chunk.choices) && choices.length === 0 && isRecord(chunk.usage);
    // A multi-line data field would break the gateway's own `data:` framing; only then re-serialise.
    const json = frame.data.includes('\n') ? JSON.stringify(chunk) : frame.data;
    return [{ kind: 'data', json, usageOnly }];
  }
}
