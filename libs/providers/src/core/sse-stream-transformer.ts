/** Shared plumbing for stream transformers: SSE decoding, and no output after `done` or `error`. */
import type { NormalizedUsage, StreamEvent, StreamTransformer } from './adapter.types';
import { invalidUpstreamResponse } from './errors';
import { createSseDecoder, type SseFrame } from './sse';

export abstract class SseStreamTransformer implements StreamTransformer {
  usage: NormalizedUsage | null = null;
  finishReason: string | null = null;
  private readonly decoder = createSseDecoder();
  private closed = false;

  push(chunk: Uint8Array | string): StreamEvent[] {
    return this.closed ? [] : this.handle(this.decoder.push(chunk));
  }

  end(): StreamEvent[] {
    return this.closed ? [] : this.handle(this.decoder.end());
  }

  /** Turns one upstream frame into zero or more OpenAI stream events. */
  protected abstract onFrame(frame: SseFrame): StreamEvent[];

  private handle(frames: SseFrame[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const frame of frames) {
      for (const event of this.onFrame(frame)) {
        out.push(event);
        if (event.kind !== 'data') this.closed = true;
      }
      if (this.closed) return out;
    }
    if (this.decoder.overflowed) {
      this.closed = true;
      out.push({ kind: 'error', error: invalidUpstreamResponse('a stream frame exceeded the buffer limit') });
    }
    return out;
  }
}
