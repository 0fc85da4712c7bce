import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, post } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let url: string;

beforeAll(async () => {
  mock = await startMockProvider();
  url = `${mock.url}/v1/embeddings`;
});
afterAll(() => mock.close());

describe('POST /v1/embeddings', () => {
  it('embeds a string as a deterministic 16-dimension unit vector', async () => {
    const body = await json(post(url, { model: 'text-embedding-3-small', input: 'hello world' }));
    expect(body).toMatchObject({ object: 'list', model: 'text-embedding-3-small', usage: { prompt_tokens: 3, total_tokens: 3 } });
    const [item] = body.data;
    expect(item).toMatchObject({ object: 'embedding', index: 0 });
    expect(item.embedding).toHaveLength(16);
    expect(Math.hypot(...item.embedding)).toBeCloseTo(1, 5);
    const again = await json(post(url, { model: 'text-embedding-3-small', input: 'hello world' }));
    expect(again.data[0].embedding).toEqual(item.embedding);
  });

  it('embeds each input of an array, honouring dimensions', async () => {
    const body = await json(post(url, { model: 'm', input: ['a', 'b', 'a'], dimensions: 8 }));
    expect(body.data.map((item: { index: number }) => item.index)).toEqual([0, 1, 2]);
    expect(body.data[0].embedding).toHaveLength(8);
    expect(body.data[2].embedding).toEqual(body.data[0].embedding);
    expect(body.data[1].embedding).not.toEqual(body.data[0].embedding);
  });

  it('returns base64 little-endian float32 that decodes to the float vector', async () => {
    const floats = await json(post(url, { model: 'm', input: 'x', encoding_format: 'float' }));
    const base64 = await json(post(url, { model: 'm', input: 'x', encoding_format: 'base64' }));
    const bytes = Buffer.from(base64.data[0].embedding as string, 'base64');
    const decoded = Array.from({ length: bytes.length / 4 }, (_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toEqual(floats.data[0].embedding);
  });

  it('works with the official SDK, which asks for base64 by default', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${mock.url}/v1`, maxRetries: 0 });
    const result = await client.embeddings.create({ model: 'm', input: 'x' });
    const floats = await json(post(url, { model: 'm', input: 'x' }));
    expect(mock.requests.at(-2)?.body).toMatchObject({ encoding_format: 'base64' });
    expect(result.data[0].embedding).toEqual(floats.data[0].embedding);
  });

  it('rejects empty input, bad dimensions and unknown encodings', async () => {
    for (const body of [{ input: '' }, { input: [] }, { input: 'x', dimensions: 0 }, { input: 'x', encoding_format: 'hex' }]) {
      expect((await post(url, { model: 'm', ...body })).status).toBe(400);
    }
  });
});

describe('GET /v1/models', () => {
  it('lists models in the OpenAI list shape', async () => {
    const body = await json(fetch(`${mock.url}/v1/models`));
    expect(body.object).toBe('list');
    expect(body.data[0]).toEqual({ id: 'gpt-4o', object: 'model', created: expect.any(Number), owned_by: 'mock-provider' });
  });
});
