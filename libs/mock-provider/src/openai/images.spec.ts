import { crc32, inflateSync } from 'node:zlib';
import OpenAI, { toFile } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, post } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const generate = (body: unknown, headers: Record<string, string> = {}) => post(`${mock.url}/v1/images/generations`, body, headers);

/** Checks the PNG structure (signature, chunk CRCs, IHDR, inflatable IDAT); returns width and height. */
function checkPng(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const chunks: Record<string, Buffer> = {};
  for (let offset = 8; offset < bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)));
    chunks[type] = bytes.subarray(offset + 8, offset + 8 + length);
    offset += 12 + length;
  }
  expect(Object.keys(chunks)).toEqual(['IHDR', 'IDAT', 'IEND']);
  const width = chunks.IHDR.readUInt32BE(0);
  const height = chunks.IHDR.readUInt32BE(4);
  expect(inflateSync(chunks.IDAT)).toHaveLength(height * (1 + width * 3));
  return { width, height };
}

function form(fields: Record<string, string | Blob | [Blob, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) data.append(name, value[0], value[1]);
    else data.append(name, value);
  }
  return data;
}
const png = (name = 'in.png') => [new Blob([Buffer.from('fake png bytes')], { type: 'image/png' }), name] as [Blob, string];
const edit = (data: FormData) => fetch(`${mock.url}/v1/images/edits`, { method: 'POST', body: data });

describe('POST /v1/images/generations', () => {
  it('answers URLs the mock serves as valid PNGs, deterministically', async () => {
    const res = await generate({ prompt: 'A red fox', n: 2, size: '256x256' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({ created: expect.any(Number), data: [{ url: expect.any(String) }, { url: expect.any(String) }] });
    expect(body.data[0].url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${mock.port}/mock-images/[0-9a-f]{16}\\.png$`));
    expect(body.data[1].url).not.toBe(body.data[0].url);
    const image = await fetch(body.data[0].url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(checkPng(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 8, height: 8 });
    expect((await json(generate({ prompt: 'A red fox', n: 2, size: '256x256' }))).data).toEqual(body.data);
  });

  it('answers b64_json with a revised_prompt for dall-e-3', async () => {
    const body = await json(generate({ model: 'dall-e-3', prompt: 'A red fox [[mock:{"latencyMs":1}]]', response_format: 'b64_json' }));
    expect(body.data).toEqual([{ b64_json: expect.any(String), revised_prompt: 'Mock revision of: A red fox' }]);
    checkPng(Buffer.from(body.data[0].b64_json, 'base64'));
    expect((await generate({ model: 'dall-e-3', prompt: 'x', n: 2 })).status).toBe(400);
  });

  it('answers gpt-image models with b64_json and token usage', async () => {
    const body = await json(generate({ model: 'gpt-image-1', prompt: 'A red fox', quality: 'low', n: 2 }));
    expect(body.data).toEqual([{ b64_json: expect.any(String) }, { b64_json: expect.any(String) }]);
    expect(body).toMatchObject({
      background: 'opaque',
      output_format: 'png',
      quality: 'low',
      size: '1024x1024',
      usage: { input_tokens: 3, output_tokens: 2 * 272, total_tokens: 3 + 2 * 272, input_tokens_details: { text_tokens: 3, image_tokens: 0 } },
    });
  });

  it('rejects a missing prompt or bad n, size or response_format in the OpenAI envelope', async () => {
    const res = await generate({ n: 1 });
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('prompt') });
    for (const bad of [{ n: 11 }, { size: 'big' }, { response_format: 'png' }]) {
      expect((await generate({ prompt: 'x', ...bad })).status).toBe(400);
    }
  });

  it('works with the OpenAI SDK', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${mock.url}/v1`, maxRetries: 0 });
    const result = await client.images.generate({ model: 'gpt-image-1', prompt: 'A red fox' });
    expect(result.data?.[0].b64_json).toEqual(expect.any(String));
    expect(result.usage?.output_tokens).toBe(1056);
  });
});

describe('POST /v1/images/edits (multipart)', () => {
  it('answers like generations and records the fields with file metadata', async () => {
    const res = await edit(form({ prompt: 'Add a hat', model: 'gpt-image-1', n: '1', image: png(), mask: png('mask.png') }));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.data).toEqual([{ b64_json: expect.any(String) }]);
    expect(body.usage.input_tokens_details.image_tokens).toBeGreaterThan(0);
    expect(mock.requests[0].body).toEqual({
      prompt: 'Add a hat',
      model: 'gpt-image-1',
      n: '1',
      image: { name: 'in.png', type: 'image/png', size: 14 },
      mask: { name: 'mask.png', type: 'image/png', size: 14 },
    });
  });

  it('accepts several image[] files and answers URLs', async () => {
    const data = form({ prompt: 'Merge', response_format: 'url' });
    data.append('image[]', ...png('a.png'));
    data.append('image[]', ...png('b.png'));
    const body = await json(edit(data));
    expect(body.data[0].url).toMatch(/\/mock-images\/[0-9a-f]{16}\.png$/);
    expect(mock.requests[0].body).toMatchObject({ 'image[]': [{ name: 'a.png' }, { name: 'b.png' }] });
  });

  it('rejects a missing image or prompt, a text image, or a JSON body with 400', async () => {
    const noImage = await edit(form({ prompt: 'x' }));
    expect(noImage.status).toBe(400);
    expect((await json(noImage)).error.message).toContain("'image'");
    expect((await edit(form({ image: png() }))).status).toBe(400);
    expect((await edit(form({ prompt: 'x', image: 'not a file' }))).status).toBe(400);
    const jsonBody = await post(`${mock.url}/v1/images/edits`, { prompt: 'x' });
    expect(jsonBody.status).toBe(400);
    expect((await json(jsonBody)).error.message).toContain('multipart/form-data');
  });

  it('takes directives from the prompt field', async () => {
    const res = await edit(form({ prompt: 'x [[mock:{"status":429,"retryAfterSeconds":5}]]', image: png() }));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('works with the OpenAI SDK', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${mock.url}/v1`, maxRetries: 0 });
    const image = await toFile(Buffer.from('png'), 'cat.png', { type: 'image/png' });
    const result = await client.images.edit({ model: 'dall-e-2', image, prompt: 'Add a hat', response_format: 'b64_json' });
    expect(result.data?.[0].b64_json).toEqual(expect.any(String));
    expect(mock.requests[0].body).toMatchObject({ image: { name: 'cat.png', size: 3 }, prompt: 'Add a hat' });
  });
});

describe('GET /mock-images/{id}.png', () => {
  it('needs no key and ignores the server fault, but 404s an unknown id', async () => {
    const secured = await startMockProvider({ apiKeys: ['k'] });
    const body = await json(post(`${secured.url}/v1/images/generations`, { prompt: 'x' }, { authorization: 'Bearer k' }));
    secured.setFault({ status: 500 });
    expect((await fetch(body.data[0].url)).status).toBe(200);
    expect((await fetch(`${secured.url}/mock-images/nothex.png`)).status).toBe(404);
    await secured.close();
  });
});
