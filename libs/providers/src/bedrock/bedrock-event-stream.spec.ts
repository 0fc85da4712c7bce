import { crc32 } from 'node:zlib';
import { toUtf8 } from '@smithy/util-utf8';
import { describe, expect, it } from 'vitest';
import { cuts } from '../core/__fixtures__/stream-harness';
import { codec, concatBytes, encodeFrame, handBuiltFrame } from './__fixtures__/event-stream-frames';
import { createEventStreamDecoder, type EventStreamMessage, headerText } from './bedrock-event-stream';

const DELTA_HEADERS: Array<[string, string]> = [
  [':event-type', 'contentBlockDelta'],
  [':content-type', 'application/json'],
  [':message-type', 'event'],
];
// Multi-byte UTF-8 in the payload, so some cuts fall inside a character.
const DELTA_PAYLOAD = '{"contentBlockIndex":0,"delta":{"text":"Grüße, 世界"},"p":"abcdefghijk"}';

function readable(messages: EventStreamMessage[]) {
  return messages.map((message) => ({ headers: message.headers, body: toUtf8(message.body) }));
}

function decodeAll(pieces: Uint8Array[], maxFrame?: number) {
  const decoder = createEventStreamDecoder(maxFrame);
  const messages: EventStreamMessage[] = [];
  for (const piece of pieces) messages.push(...decoder.push(piece));
  messages.push(...decoder.end());
  return { messages: readable(messages), failure: decoder.failure };
}

/** Corrupts one byte of a copy. */
function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = bytes.slice();
  copy[at] = copy[at]! ^ 0xff;
  return copy;
}

describe('event stream frames', () => {
  it('lays out a hand-built frame exactly as the AWS codec encodes it', () => {
    const frame = handBuiltFrame(DELTA_HEADERS, DELTA_PAYLOAD);
    const view = new DataView(frame.buffer);
    expect(view.getUint32(0)).toBe(frame.byteLength);
    expect(view.getUint32(4)).toBe(DELTA_HEADERS.reduce((size, [name, value]) => size + 1 + name.length + 1 + 2 + value.length, 0));
    const headers = Object.fromEntries(DELTA_HEADERS.map(([name, value]) => [name, { type: 'string' as const, value }]));
    expect(codec.encode({ headers, body: new TextEncoder().encode(DELTA_PAYLOAD) })).toEqual(frame);
  });
});

describe('createEventStreamDecoder', () => {
  const stream = concatBytes([
    encodeFrame({ event: 'messageStart', payload: { role: 'assistant' } }),
    handBuiltFrame(DELTA_HEADERS, DELTA_PAYLOAD),
    encodeFrame({ event: 'contentBlockStop', payload: { contentBlockIndex: 0 } }),
    // A frame with no payload at all.
    handBuiltFrame([[':event-type', 'ping'], [':message-type', 'event']], ''),
    encodeFrame({ exception: 'throttlingException', payload: { message: 'Too many requests, please wait before trying again.' } }),
  ]);

  it('decodes whole input into the messages it holds', () => {
    const { messages, failure } = decodeAll([stream]);
    expect(failure).toBeUndefined();
    expect(messages.map((message) => [message.headers[':event-type']?.value ?? message.headers[':exception-type']?.value, message.body])).toEqual([
      ['messageStart', '{"role":"assistant"}'],
      ['contentBlockDelta', DELTA_PAYLOAD],
      ['contentBlockStop', '{"contentBlockIndex":0}'],
      ['ping', ''],
      ['throttlingException', '{"message":"Too many requests, please wait before trying again."}'],
    ]);
    expect(messages[1]!.headers).toEqual({
      ':event-type': { type: 'string', value: 'contentBlockDelta' },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    });
  });

  it('decodes the same messages whatever the byte boundaries', () => {
    const expected = JSON.stringify(decodeAll([stream]));
    for (const [label, pieces] of cuts(stream)) {
      const run = JSON.stringify(decodeAll(pieces));
      if (run !== expected) expect(run, label).toBe(expected);
    }
  });

  it('returns each message as soon as its last byte arrives', () => {
    const first = encodeFrame({ event: 'messageStart', payload: { role: 'assistant' } });
    const decoder = createEventStreamDecoder();
    expect(decoder.push(first.subarray(0, first.length - 1))).toEqual([]);
    expect(decoder.push(new Uint8Array(0))).toEqual([]);
    expect(decoder.push(first.subarray(first.length - 1)).map((message) => headerText(message, ':event-type'))).toEqual(['messageStart']);
  });

  it('stops at a frame whose message CRC does not match, keeping the messages before it', () => {
    const good = encodeFrame({ event: 'messageStart', payload: { role: 'assistant' } });
    const bad = flip(handBuiltFrame(DELTA_HEADERS, DELTA_PAYLOAD), 40);
    const input = concatBytes([good, bad, good]);
    for (const [label, pieces] of cuts(input)) {
      const run = decodeAll(pieces);
      expect(run.messages.length, label).toBe(1);
      expect(run.failure, label).toBe('an event stream frame is corrupt');
    }
  });

  it('fails on a bad prelude CRC without waiting for the rest of the frame', () => {
    const frame = flip(handBuiltFrame(DELTA_HEADERS, DELTA_PAYLOAD), 2);
    const decoder = createEventStreamDecoder();
    expect(decoder.push(frame.subarray(0, 12))).toEqual([]);
    expect(decoder.failure).toBe('an event stream frame has a bad prelude checksum');
    expect(decoder.push(frame.subarray(12))).toEqual([]);
    expect(decoder.end()).toEqual([]);
  });

  it('bounds the buffer: a frame announcing more than the limit fails at once', () => {
    const frame = handBuiltFrame(DELTA_HEADERS, 'x'.repeat(1000));
    expect(decodeAll([frame.subarray(0, 12)], 512).failure).toBe('an event stream frame exceeded the buffer limit');
    expect(decodeAll([frame], 2048).failure).toBeUndefined();
  });

  it('rejects a prelude whose lengths cannot hold a frame', () => {
    const prelude = new Uint8Array(12);
    const view = new DataView(prelude.buffer);
    view.setUint32(0, 20);
    view.setUint32(4, 10);
    view.setUint32(8, crc32(prelude.subarray(0, 8)));
    expect(decodeAll([prelude]).failure).toBe('an event stream frame has inconsistent lengths');
  });

  it('reports input that ends inside a frame', () => {
    const frame = handBuiltFrame(DELTA_HEADERS, DELTA_PAYLOAD);
    expect(decodeAll([frame.subarray(0, 30)])).toEqual({ messages: [], failure: 'the event stream ended inside a frame' });
    expect(decodeAll([frame.subarray(0, 5)]).failure).toBe('the event stream ended inside a frame');
    expect(decodeAll([]).failure).toBeUndefined();
  });
});
