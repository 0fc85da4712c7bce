/**
 * An AWS event-stream decoder written from the published layout, independent of the mock's encoder:
 * it checks both lengths and both CRCs of every message and fails on trailing bytes.
 */
import { crc32 } from 'node:zlib';

export interface DecodedMessage {
  headers: Record<string, string>;
  payload: any;
  /** The message's total length as its prelude states it. */
  length: number;
}

export function decodeEventStream(bytes: Uint8Array): DecodedMessage[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const messages: DecodedMessage[] = [];
  let offset = 0;
  while (offset < buffer.length) {
    if (buffer.length - offset < 16) throw new Error(`truncated prelude at ${offset}`);
    const total = buffer.readUInt32BE(offset);
    const headersLength = buffer.readUInt32BE(offset + 4);
    if (buffer.readUInt32BE(offset + 8) !== crc32(buffer.subarray(offset, offset + 8))) throw new Error(`bad prelude CRC at ${offset}`);
    if (offset + total > buffer.length) throw new Error(`message at ${offset} runs past the end`);
    const end = offset + total;
    if (buffer.readUInt32BE(end - 4) !== crc32(buffer.subarray(offset, end - 4))) throw new Error(`bad message CRC at ${offset}`);
    const headers: Record<string, string> = {};
    let cursor = offset + 12;
    const headersEnd = cursor + headersLength;
    while (cursor < headersEnd) {
      const nameLength = buffer.readUInt8(cursor);
      const name = buffer.toString('utf8', cursor + 1, cursor + 1 + nameLength);
      cursor += 1 + nameLength;
      const type = buffer.readUInt8(cursor);
      if (type !== 7) throw new Error(`header ${name} has type ${type}, expected 7 (string)`);
      const valueLength = buffer.readUInt16BE(cursor + 1);
      headers[name] = buffer.toString('utf8', cursor + 3, cursor + 3 + valueLength);
      cursor += 3 + valueLength;
    }
    if (cursor !== headersEnd) throw new Error(`headers overrun at ${offset}`);
    const payload = buffer.toString('utf8', headersEnd, end - 4);
    messages.push({ headers, payload: JSON.parse(payload), length: total });
    offset = end;
  }
  return messages;
}

/** Reads a response body to its end, keeping what arrived before a transport error. */
export async function readBytes(response: Response): Promise<{ bytes: Buffer; error?: unknown }> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes: Buffer.concat(chunks) };
      chunks.push(value);
    }
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error };
  }
}
