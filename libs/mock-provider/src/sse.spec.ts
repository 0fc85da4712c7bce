import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type StreamState, writeFrames } from './sse';

/** A sink that accepts one write at a time and completes it only when told to. */
function slowSink(): { sink: Writable; writes: string[]; flush: () => void } {
  const writes: string[] = [];
  const pending: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 1,
    decodeStrings: false,
    write(chunk: string, _encoding, callback) {
      writes.push(chunk);
      pending.push(callback);
    },
  });
  return { sink, writes, flush: () => pending.splice(0).forEach((callback) => callback()) };
}

const frames = ['a', 'b', 'c', 'd'];
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('writeFrames', () => {
  it('waits for drain before writing more', async () => {
    const { sink, writes, flush } = slowSink();
    const state: StreamState = { closed: false, dropped: false };
    const done = writeFrames(sink, state, frames, null, () => 'error');
    for (let written = 1; written <= frames.length; written++) {
      await tick();
      expect(writes).toEqual(frames.slice(0, written));
      flush();
    }
    await done;
    expect(writes).toEqual(frames);
  });

  it('stops when the client is gone while waiting for drain', async () => {
    const { sink, writes } = slowSink();
    const state: StreamState = { closed: false, dropped: false };
    const done = writeFrames(sink, state, frames, { chunkDelayMs: 1 }, () => 'error');
    await tick();
    state.closed = true;
    sink.destroy();
    await done;
    expect(writes).toEqual(['a']);
  });

  it('replaces the rest with the error frame after errorAfterChunks', async () => {
    const written: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, callback) => (written.push(chunk.toString()), callback()) });
    await writeFrames(sink, { closed: false, dropped: false }, frames, { errorAfterChunks: 2 }, () => 'error');
    expect(written.join('')).toBe('aberror');
  });

  it('destroys the sink after dropAfterChunks and marks the drop', async () => {
    const written: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, callback) => (written.push(chunk.toString()), callback()) });
    const state: StreamState = { closed: false, dropped: false };
    await writeFrames(sink, state, frames, { dropAfterChunks: 3 }, () => 'error');
    await tick();
    expect(written.join('')).toBe('abc');
    expect(state.dropped).toBe(true);
    expect(sink.destroyed).toBe(true);
  });
});
