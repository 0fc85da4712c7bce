/**
 * Server-sent events framing on top of `eventsource-parser`: bytes in, complete frames out, however
 * the bytes were split (mid-line, mid-CRLF, mid-UTF-8 character). Buffering is bounded.
 */
import { createParser } from 'eventsource-parser';

export interface SseFrame {
  /** The `event:` field, undefined when the frame had none. */
  event: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

export interface SseDecoder {
  push(chunk: Uint8Array | string): SseFrame[];
  /** Flushes a last frame the upstream did not terminate with a blank line. */
  end(): SseFrame[];
  /** True once a frame outgrew the buffer limit; the decoder then ignores further input. */
  readonly overflowed: boolean;
}

/** Generous for chat chunks, small enough that a broken upstream cannot exhaust memory. */
export const DEFAULT_MAX_SSE_BUFFER = 8 * 1024 * 1024;

export function createSseDecoder(maxBufferSize: number = DEFAULT_MAX_SSE_BUFFER): SseDecoder {
  const textDecoder = new TextDecoder('utf-8');
  let frames: SseFrame[] = [];
  let overflowed = false;
  const parser = createParser({
    maxBufferSize,
    onEvent: (message) => frames.push({ event: message.event, data: message.data }),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflowed = true;
    },
  });

  const feed = (text: string): SseFrame[] => {
    if (!overflowed && text !== '') parser.feed(text);
    const out = frames;
    frames = [];
    return out;
  };

  return {
    push: (chunk) => feed(typeof chunk === 'string' ? chunk : textDecoder.decode(chunk, { stream: true })),
    // A blank line dispatches whatever frame is pending; it is a no-op after a terminated frame.
    end: () => feed(`${textDecoder.decode()}\n\n`),
    get overflowed() {
      return overflowed;
    },
  };
}
