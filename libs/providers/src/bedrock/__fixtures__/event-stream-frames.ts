/**
 * Test helpers that produce real `application/vnd.amazon.eventstream` bytes: frames encoded with the
 * AWS codec, and a builder that lays a frame out byte by byte (prelude, CRC32 via zlib.crc32) to
 * check the codec and the decoder against the format itself.
 */
import { crc32 } from 'node:zlib';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { readJsonFixture } from '../../core/__fixtures__/stream-harness';

export const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** One transcript entry: an event (`:event-type`) or an exception (`:exception-type`) with its JSON payload. */
export type TranscriptFrame = { event: string; payload: unknown } | { exception: string; payload: unknown };

const str = (value: string) => ({ type: 'string' as const, value });

export function encodeFrame(frame: TranscriptFrame): Uint8Array {
  const body = fromUtf8(JSON.stringify(frame.payload));
  const headers: Parameters<typeof codec.encode>[0]['headers'] =
    'event' in frame
      ? { ':event-type': str(frame.event), ':content-type': str('application/json'), ':message-type': str('event') }
      : { ':exception-type': str(frame.exception), ':content-type': str('application/json'), ':message-type': str('exception') };
  return codec.encode({ headers, body });
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((size, part) => size + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export function encodeTranscript(frames: readonly TranscriptFrame[]): Uint8Array {
  return concatBytes(frames.map(encodeFrame));
}

/** `<name>.frames.json` from a family's __fixtures__, as event stream bytes. */
export function readTranscript(dir: string, name: string): Uint8Array {
  return encodeTranscript(readJsonFixture<TranscriptFrame[]>(dir, name));
}

/**
 * A frame laid out by hand: total length (u32 BE), headers length (u32 BE), CRC32 of those 8 bytes,
 * headers (name length u8, name, type 7 = string, value length u16 BE, value), payload, CRC32 of
 * everything before it.
 */
export function handBuiltFrame(headers: ReadonlyArray<[name: string, value: string]>, payload: string): Uint8Array {
  const bytes: number[] = [];
  const u16 = (n: number) => bytes.push((n >>> 8) & 0xff, n & 0xff);
  const u32 = (target: number[], n: number) => target.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  for (const [name, value] of headers) {
    const nameBytes = Buffer.from(name, 'utf8');
    const valueBytes = Buffer.from(value, 'utf8');
    bytes.push(nameBytes.length, ...nameBytes, 7);
    u16(valueBytes.length);
    bytes.push(...valueBytes);
  }
  const headerBytes = bytes.splice(0);
  const payloadBytes = [...Buffer.from(payload, 'utf8')];
  const total = 12 + headerBytes.length + payloadBytes.length + 4;
  const frame: number[] = [];
  u32(frame, total);
  u32(frame, headerBytes.length);
  u32(frame, crc32(Uint8Array.from(frame)));
  frame.push(...headerBytes, ...payloadBytes);
  u32(frame, crc32(Uint8Array.from(frame)));
  return Uint8Array.from(frame);
}
