import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, post, sigv4Headers } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider();
});
afterAll(() => mock.close());

const invoke = (model: string, body: unknown) => post(`${mock.url}/model/${encodeURIComponent(model)}/invoke`, body, sigv4Headers());

describe('POST /model/{modelId}/invoke: Titan text embeddings', () => {
  it('answers {embedding, inputTextTokenCount} with the shared deterministic vectors', async () => {
    const res = await invoke('amazon.titan-embed-text-v2:0', { inputText: 'hello world' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amzn-bedrock-input-token-count')).toBe('3');
    const body = await json(res);
    expect(body).toEqual({ embedding: expect.any(Array), inputTextTokenCount: 3 });
    const openai = await json(post(`${mock.url}/v1/embeddings`, { model: 'm', input: 'hello world' }));
    expect(body.embedding).toEqual(openai.data[0].embedding);
  });

  it('honours dimensions and embeddingTypes', async () => {
    const body = await json(invoke('amazon.titan-embed-text-v2:0', { inputText: 'x', dimensions: 8, embeddingTypes: ['float', 'binary'] }));
    expect(body.embedding).toHaveLength(8);
    expect(body.embeddingsByType.float).toEqual(body.embedding);
    expect(body.embeddingsByType.binary.every((bit: number) => bit === 0 || bit === 1)).toBe(true);
  });

  it('rejects a body without inputText as a ValidationException', async () => {
    const res = await invoke('amazon.titan-embed-text-v1', { texts: ['x'] });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect((await json(res)).message).toContain('inputText');
  });
});

describe('POST /model/{modelId}/invoke: Cohere embed', () => {
  it('answers {embeddings, id, response_type, texts}', async () => {
    const body = await json(invoke('cohere.embed-english-v3', { texts: ['a', 'b'], input_type: 'search_document' }));
    expect(body).toEqual({ embeddings: [expect.any(Array), expect.any(Array)], id: expect.any(String), response_type: 'embeddings_floats', texts: ['a', 'b'] });
    expect(body.embeddings[0]).not.toEqual(body.embeddings[1]);
  });

  it('answers embeddings by type, through a cross-region profile or an ARN', async () => {
    const profile = await json(invoke('us.cohere.embed-multilingual-v3', { texts: ['a'], input_type: 'search_query', embedding_types: ['float'] }));
    expect(profile).toMatchObject({ embeddings: { float: [expect.any(Array)] }, response_type: 'embeddings_by_type' });
    const arn = 'arn:aws:bedrock:us-east-1::foundation-model/cohere.embed-english-v3';
    expect((await invoke(arn, { texts: ['a'], input_type: 'clustering' })).status).toBe(200);
  });

  it('requires input_type, and takes directives from the last text', async () => {
    expect((await invoke('cohere.embed-english-v3', { texts: ['a'] })).status).toBe(400);
    const res = await invoke('cohere.embed-english-v3', { texts: ['a', 'b [[mock:{"status":503}]]'], input_type: 'classification' });
    expect(res.status).toBe(503);
    expect(res.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
  });
});

it('rejects other models as invalid identifiers', async () => {
  const res = await invoke('anthropic.claude-v2', { prompt: 'x' });
  expect(res.status).toBe(400);
  expect((await json(res)).message).toContain('model identifier');
});
