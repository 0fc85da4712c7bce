/**
 * Shared plumbing for stream transformers: bytes are decoded into whole frames (SSE, or AWS event
 * stream for Bedrock), each frame becomes OpenAI stream events, and nothing follows `done` or `error`.
 */
import type { NormalizedUsage, StreamEvent, StreamTransformer } from './adapter.types';
import { invalidUpstreamResponse } from './errors';
import { createSseDecoder, type SseFrame } from './sse';

/** Whole frames out of arbitrarily split input; `failure` says why it stopped reading, once it has. */
export interface FrameDecoder<TFrame> {
  push(chunk: Uint8Array | string): TFrame[];
  end(): TFrame[];
  readonly failure: string | undefined;
}

export abstract class FramedStreamTransformer<TFrame> implements StreamTransformer {
  usage: NormalizedUsage | null = null;
  finishReason: string | null = null;
  private closed = false;

  protected constructor(private readonly decoder: FrameDecoder<TFrame>) {}

  push(chunk: Uint8Array | string): StreamEvent[] {
    return this.closed ? [] : this.handle(this.decoder.push(chunk));
  }

  end(): StreamEvent[] {
    return this.closed ? [] : this.handle(this.decoder.end());
  }

  /** Turns one upstream frame into zero or more OpenAI stream events. */
  protected abstract onFrame(frame: TFrame): StreamEvent[];

  private handle(frames: TFrame[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const frame of frames) {
      for (const event of this.onFrame(frame)) {
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
}

function sseFrameDecoder(): FrameDecoder<SseFrame> {
  const decoder = createSseDecoder();
  return {
    push: (chunk) => decoder.push(chunk),
    end: () => decoder.end(),
    get failure() {
      return decoder.overflowed ? 'a stream frame exceeded the buffer limit' : undefined;
    },
  };
}

/** A transformer for server-sent events (OpenAI family, Anthropic, Gemini). */
export abstract class SseStreamTransformer extends FramedStreamTransformer<SseFrame> {
  constructor() {
    super(sseFrameDecoder());
  }
}
