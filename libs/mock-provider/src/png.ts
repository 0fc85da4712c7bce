/**
 * Tiny valid PNGs for the images endpoints: an 8x8 RGB square whose colour comes from a hex id, so
 * the same id always yields the same bytes and a client can decode what it receives.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SIDE = 8;
const RGB = 2;

/** length | type | data | CRC32 of type and data */
function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** `id`: hex; its first three bytes are the colour. */
export function mockPng(id: string): Buffer {
  const colour = Buffer.from(id.padEnd(6, '0').slice(0, 6), 'hex');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIDE, 0);
  header.writeUInt32BE(SIDE, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(RGB, 9); // colour type; compression, filter and interlace stay 0
  const row = Buffer.alloc(1 + SIDE * 3); // filter byte 0 (none), then the pixels
  for (let x = 0; x < SIDE; x++) colour.copy(row, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: SIDE }, () => row));
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}
