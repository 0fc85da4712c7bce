/** Reads a body up to `limit` bytes and discards the rest, so a hostile upstream cannot exhaust memory. */
export async function readBounded(body: AsyncIterable<Buffer | Uint8Array> & { destroy?: () => void }, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    parts.push(buf.subarray(0, Math.max(0, limit - size)));
    size += buf.length;
    if (size >= limit) {
      body.destroy?.();
      break;
    }
  }
  return Buffer.concat(parts).toString('utf8');
}
