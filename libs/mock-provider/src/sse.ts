/**
 * Server-sent events frame formatting, and the stream writer every streaming format uses (SSE text
 * frames or binary AWS event-stream frames) that honours backpressure and stream faults.
 */
import type { MockFault } from './types';

export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export function sseEvent(event: string, payload: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** One whole stream frame: SSE text or a binary event-stream message. */
export type Frame = string | Uint8Array;

/** The part of a ServerResponse the writer uses (a plain Writable works too, for tests). */
export interface FrameSink {
  write(chunk: Frame): boolean;
  end(chunk?: Frame): unknown;
  cork(): void;
  uncork(): void;
  destroy(): unknown;
  /** Sends the status line and headers now (ServerResponse); used when dropping before any frame. */
  flushHeaders?(): void;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/** Shared with the server, which sets `closed` when the connection goes away. */
export interface StreamState {
  closed: boolean;
  /** Set before the writer itself destroys the socket, so that is not recorded as a client abort. */
  dropped: boolean;
}

/**
 * Writes `frames` one by one. Without a chunk delay, frames are corked into few socket writes
 * (the benchmark path); the writer still waits for 'drain' whenever a write reports a full buffer,
 * and stops as soon as the client is gone. `errorFrame` replaces the rest of the stream after
 * `errorAfterChunks` frames; fault counts at or beyond the number of frames change nothing.
 */
export async function writeFrames(
  sink: FrameSink,
  state: StreamState,
  frames: Iterable<Frame>,
  fault: MockFault | null,
  errorFrame: () => Frame,
): Promise<void> {
  const delay = fault?.chunkDelayMs ?? 0;
  const dropAt = fault?.dropAfterChunks;
  const errorAt = fault?.errorAfterChunks;
  const corked = delay <= 0;
  if (corked) sink.cork();
  let sent = 0;
  let failed = false;
  for (const frame of frames) {
    if (state.closed) return;
    if (sent === dropAt) return drop(sink, state, corked, sent);
    if (sent === errorAt) {
      failed = true;
      break;
    }
    if (sent > 0 && delay > 0) {
      await pause(sink, delay);
      if (state.closed) return;
    }
    if (!sink.write(frame) && !state.closed) {
      if (corked) sink.uncork();
      await drained(sink);
      if (corked) sink.cork();
    }
    sent++;
  }
  if (corked) sink.uncork();
  sink.end(failed ? errorFrame() : undefined);
}

function drop(sink: FrameSink, state: StreamState, corked: boolean, sent: number): void {
  state.dropped = true;
  // Even a drop before the first frame happens after a 200, as when a provider dies mid-answer.
  if (sent === 0) sink.flushHeaders?.();
  // Uncork first so the frames already written reach the client before the cut.
  if (corked) sink.uncork();
  setImmediate(() => sink.destroy());
}

/** Resolves after `ms`, or early when the connection closes. */
export function pause(sink: FrameSink, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      sink.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    sink.once('close', done);
  });
}

/** Resolves on 'drain', or on 'close' (a vanished client never drains). */
function drained(sink: FrameSink): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      sink.off('drain', done);
      sink.off('close', done);
      resolve();
    };
    sink.once('drain', done);
    sink.once('close', done);
  });
}
