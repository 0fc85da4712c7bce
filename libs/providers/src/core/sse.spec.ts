import { describe, expect, it } from 'vitest';
import { createSseDecoder, type SseFrame } from './sse';

function decodeAll(pieces: Array<string | Uint8Array>, maxBufferSize?: number): SseFrame[] {
  const decoder = createSseDecoder(maxBufferSize);
  return [...pieces.flatMap((piece) => decoder.push(piece)), ...decoder.end()];
}

describe('createSseDecoder', () => {
  it('reads event names, joins multi-line data and skips comments', () => {
    expect(decodeAll([': ping\n\nevent: message_start\ndata: {"a":\ndata: 1}\n\nid: 7\ndata:plain\n\n'])).toEqual([
      { event: 'message_start', data: '{"a":\n1}' },
      { event: undefined, data: 'plain' },
    ]);
  });

  it('handles CRLF split between two chunks and a UTF-8 character split between bytes', () => {
    const bytes = new TextEncoder().encode('data: é👋\r\n\r\n');
    const pieces = [bytes.subarray(0, 7), bytes.subarray(7, 9), bytes.subarray(9, 13), bytes.subarray(13)];
    expect(decodeAll(pieces)).toEqual([{ event: undefined, data: 'é👋' }]);
  });

  it('dispatches a frame left without its blank line at the end', () => {
    expect(decodeAll(['data: a\n\ndata: b'])).toEqual([
      { event: undefined, data: 'a' },
      { event: undefined, data: 'b' },
    ]);
  });

  it('stops at the buffer limit and says so', () => {
    const decoder = createSseDecoder(64);
    expect(decoder.push('data: short\n\n')).toEqual([{ event: undefined, data: 'short' }]);
    expect(decoder.push(`data: ${'x'.repeat(100)}`)).toEqual([]);
    expect(decoder.overflowed).toBe(true);
    expect(decoder.push('\n\ndata: more\n\n')).toEqual([]);
  });
});
