/**
 * Incremental decoding of `application/vnd.amazon.eventstream`: bytes in, whole messages out, however
 * the bytes were split. Each frame is
 *
 *   total length (u32 BE) | headers length (u32 BE) | prelude CRC32 | headers | payload | message CRC32
 *
 * The prelude CRC is checked as soon as 12 bytes are in, so a corrupted length never makes us wait
 * for (or buffer) bytes that will not come; `EventStreamCodec` checks both CRCs again and parses the
 * headers once the frame is whole. Buffering is bounded by the largest frame allowed.
 */
import { crc32 } from 'node:zlib';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

/** One decoded message: headers tagged with their types, and the raw payload. */
export type EventStreamMessage = ReturnType<EventStreamCodec['decode']>;

/** AWS event streams carry at most 16 MiB of payload and 128 KiB of headers per message. */
export const DEFAULT_MAX_EVENT_STREAM_FRAME = 16 * 1024 * 1024 + 128 * 1024 + 16;

const PRELUDE = 12;
const MINIMUM_FRAME = 16;

export interface EventStreamDecoder {
  push(chunk: Uint8Array): EventStreamMessage[];
  /** Reports a frame left incomplete at the end of input as a failure. */
  end(): EventStreamMessage[];
  /** Why decoding stopped (corrupt or oversized frame, truncated input); further input is then ignored. */
  readonly failure: string | undefined;
}

/** A queue of received chunks; bytes are copied only to read a prelude or to cut out a whole frame. */
class ByteQueue {
  private chunks: Uint8Array[] = [];
  length = 0;

  push(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.chunks.push(chunk);
    this.length += chunk.byteLength;
  }

  /** The first `size` bytes (size <= length), consumed or not. */
  read(size: number, consume: boolean): Uint8Array {
    const first = this.chunks[0]!;
    let out: Uint8Array;
    if (first.byteLength >= size) out = first.subarray(0, size);
    else {
      out = new Uint8Array(size);
      let at = 0;
      for (const chunk of this.chunks) {
        const piece = chunk.subarray(0, Math.min(chunk.byteLength, size - at));
        out.set(piece, at);
        at += piece.byteLength;
        if (at === size) break;
      }
    }
    if (consume) this.drop(size);
    return out;
  }

  private drop(size: number): void {
    this.length -= size;
    while (size > 0) {
      const first = this.chunks[0]!;
      if (first.byteLength <= size) {
        size -= first.byteLength;
        this.chunks.shift();
      } else {
        this.chunks[0] = first.subarray(size);
        size = 0;
      }
    }
  }
}

function preludeProblem(prelude: Uint8Array, maxFrame: number): string | undefined {
  const view = new DataView(prelude.buffer, prelude.byteOffset, PRELUDE);
  const total = view.getUint32(0, false);
  const headers = view.getUint32(4, false);
  if (view.getUint32(8, false) !== crc32(prelude.subarray(0, 8))) return 'an event stream frame has a bad prelude checksum';
  if (total < MINIMUM_FRAME || headers > total - MINIMUM_FRAME) return 'an event stream frame has inconsistent lengths';
  if (total > maxFrame) return 'an event stream frame exceeded the buffer limit';
  return undefined;
}

export function createEventStreamDecoder(maxFrame: number = DEFAULT_MAX_EVENT_STREAM_FRAME): EventStreamDecoder {
  const codec = new EventStreamCodec(toUtf8, fromUtf8);
  const queue = new ByteQueue();
  let failure: string | undefined;

  const drain = (): EventStreamMessage[] => {
    const messages: EventStreamMessage[] = [];
    while (failure === undefined && queue.length >= PRELUDE) {
      const prelude = queue.read(PRELUDE, false);
      failure = preludeProblem(prelude, maxFrame);
      if (failure) break;
      const total = new DataView(prelude.buffer, prelude.byteOffset, PRELUDE).getUint32(0, false);
      if (queue.length < total) break;
      const frame = queue.read(total, true);
      try {
        messages.push(codec.decode(frame));
      } catch {
        // Message checksum mismatch or headers the codec cannot parse.
        failure = 'an event stream frame is corrupt';
      }
    }
    return messages;
  };

  return {
    push: (chunk) => {
      if (failure !== undefined) return [];
      queue.push(chunk);
      return drain();
    },
    end: () => {
      if (failure !== undefined) return [];
      const messages = drain();
      if (failure === undefined && queue.length > 0) failure = 'the event stream ended inside a frame';
      return messages;
    },
    get failure() {
      return failure;
    },
  };
}

/** A header's value as text (string headers), or null when absent or of another type. */
export function headerText(message: EventStreamMessage, name: string): string | null {
  const header = message.headers[name];
  return header?.type === 'string' ? header.value : null;
}
