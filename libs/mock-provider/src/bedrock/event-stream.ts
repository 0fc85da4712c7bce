/**
 * The AWS event-stream binary framing (`application/vnd.amazon.eventstream`) that ConverseStream
 * answers in. One message:
 *
 *   total length (u32 BE) | headers length (u32 BE) | prelude CRC32 (of the 8 bytes before)
 *   headers: name length (u8), name, value type (u8, 7 = string), value length (u16 BE), value
 *   payload | message CRC32 (of every byte before it)
 *
 * Real AWS SDKs check both CRCs, so a wrong byte here fails the client the way a corrupt stream would.
 */
import { crc32 } from 'node:zlib';

const PRELUDE_BYTES = 12;
const CRC_BYTES = 4;
const STRING_VALUE = 7;

export function encodeMessage(headers: Record<string, string>, payload: Uint8Array): Buffer {
  const encoded = Object.entries(headers).map(([name, value]) => [Buffer.from(name, 'utf8'), Buffer.from(value, 'utf8')] as const);
  let headersLength = 0;
  for (const [name, value] of encoded) headersLength += 1 + name.length + 1 + 2 + value.length;
  const total = PRELUDE_BYTES + headersLength + payload.length + CRC_BYTES;
  const message = Buffer.allocUnsafe(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headersLength, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)), 8);
  let offset = PRELUDE_BYTES;
  for (const [name, value] of encoded) {
    offset = message.writeUInt8(name.length, offset);
    offset += name.copy(message, offset);
    offset = message.writeUInt8(STRING_VALUE, offset);
    offset = message.writeUInt16BE(value.length, offset);
    offset += value.copy(message, offset);
  }
  message.set(payload, offset);
  offset += payload.length;
  message.writeUInt32BE(crc32(message.subarray(0, offset)), offset);
  return message;
}

/** One event of the stream's union (`messageStart`, `contentBlockDelta`, ...) with its JSON payload. */
export function eventMessage(eventType: string, payload: unknown): Buffer {
  const headers = { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' };
  return encodeMessage(headers, Buffer.from(JSON.stringify(payload), 'utf8'));
}

/** A modelled exception after the 200 (`throttlingException`, `modelStreamErrorException`, ...). */
export function exceptionMessage(exceptionType: string, message: string): Buffer {
  const headers = { ':exception-type': exceptionType, ':content-type': 'application/json', ':message-type': 'exception' };
  return encodeMessage(headers, Buffer.from(JSON.stringify({ message }), 'utf8'));
}
