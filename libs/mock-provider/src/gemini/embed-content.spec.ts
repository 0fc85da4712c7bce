import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, post } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let base: string;

beforeAll(async () => {
  mock = await startMockProvider();
  base = `${mock.url}/v1beta/models/gemini-embedding-001`;
});
afterAll(() => mock.close());

const content = (text: string) => ({ parts: [{ text }] });

describe('POST /v1beta/models/{model}:embedContent', () => {
  it('embeds as the OpenAI endpoint does: same text, same unit vector', async () => {
    const body = await json(post(`${base}:embedContent`, { content: content('hello world') }));
    expect(Object.keys(body)).toEqual(['embedding']);
    expect(body.embedding.values).toHaveLength(16);
    expect(Math.hypot(...body.embedding.values)).toBeCloseTo(1, 5);
    const openai = await json(post(`${mock.url}/v1/embeddings`, { model: 'm', input: 'hello world' }));
    expect(body.embedding.values).toEqual(openai.data[0].embedding);
  });

  it('honours outputDimensionality and rejects a bad one or an empty content', async () => {
    const body = await json(post(`${base}:embedContent`, { content: content('x'), outputDimensionality: 8, taskType: 'RETRIEVAL_QUERY' }));
    expect(body.embedding.values).toHaveLength(8);
    const bad = await post(`${base}:embedContent`, { content: content('x'), outputDimensionality: 0 });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.status).toBe('INVALID_ARGUMENT');
    expect((await post(`${base}:embedContent`, { content: { parts: [] } })).status).toBe(400);
  });

  it('takes directives from the text', async () => {
    const res = await post(`${base}:embedContent`, { content: content('x [[mock:{"status":503}]]') });
    expect(res.status).toBe(503);
    expect((await json(res)).error.status).toBe('UNAVAILABLE');
  });
});

describe('POST /v1beta/models/{model}:batchEmbedContents', () => {
  it('embeds each request in order', async () => {
    const requests = ['a', 'b', 'a'].map((text) => ({ model: 'models/gemini-embedding-001', content: content(text), outputDimensionality: 4 }));
    const body = await json(post(`${base}:batchEmbedContents`, { requests }));
    expect(body.embeddings).toHaveLength(3);
    expect(body.embeddings[0].values).toHaveLength(4);
    expect(body.embeddings[2]).toEqual(body.embeddings[0]);
    expect(body.embeddings[1]).not.toEqual(body.embeddings[0]);
  });

  it('rejects a request naming another model, or no requests', async () => {
    const res = await post(`${base}:batchEmbedContents`, { requests: [{ model: 'models/other', content: content('a') }] });
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toContain('models/gemini-embedding-001');
    expect((await post(`${base}:batchEmbedContents`, { requests: [] })).status).toBe(400);
  });
});

describe('GET /v1beta/models', () => {
  it('lists models with their supported generation methods', async () => {
    const body = await json(fetch(`${mock.url}/v1beta/models`));
    expect(body.models.length).toBeGreaterThanOrEqual(3);
    expect(body.models).toContainEqual(
      expect.objectContaining({ name: 'models/gemini-2.5-flash', supportedGenerationMethods: expect.arrayContaining(['generateContent']) }),
    );
    expect(body.models).toContainEqual(
      expect.objectContaining({ name: 'models/gemini-embedding-001', supportedGenerationMethods: expect.arrayContaining(['embedContent']) }),
    );
  });
});
