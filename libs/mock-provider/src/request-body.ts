/** Reading request bodies: bounded, then decoded as JSON or as a multipart form. */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;

/** Markers for bodies that were not read whole. */
export const TOO_LARGE = Symbol('too large');
export const CLIENT_GONE = Symbol('client gone');

/** Reads the whole body; past the limit it keeps draining (so the client can read the 413) but stores nothing. */
export function readBody(req: IncomingMessage): Promise<Buffer | typeof TOO_LARGE | typeof CLIENT_GONE> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => done(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks, size)));
    req.once('close', () => {
      if (!req.complete) done(CLIENT_GONE);
    });
  });
}

/** undefined when the text is not JSON (the recording then keeps the raw text). */
export function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What a route sees of an uploaded file: the bytes stay out of recordings. */
export interface UploadedFile {
  name: string;
  type: string;
  size: number;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return value !== null && typeof value === 'object' && typeof (value as UploadedFile).size === 'number';
}

/**
 * Decodes `multipart/form-data` with the platform's parser (undici's Request.formData). Fields map
 * to strings, files to `{name, type, size}`; a repeated name, or one ending in `[]`, to an array.
 * undefined when the content type is not multipart or the body does not parse.
 */
export async function parseMultipart(body: Buffer, contentType: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!contentType?.toLowerCase().startsWith('multipart/form-data')) return undefined;
  let form: FormData;
  try {
    form = await new Request('http://mock.invalid/', { method: 'POST', headers: { 'content-type': contentType }, body }).formData();
  } catch {
    return undefined;
  }
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const entry = typeof value === 'string' ? value : { name: value.name, type: value.type, size: value.size };
    const existing = fields[name];
    if (Array.isArray(existing)) existing.push(entry);
    else if (existing !== undefined) fields[name] = [existing, entry];
    else fields[name] = name.endsWith('[]') ? [entry] : entry;
  }
  return fields;
}
