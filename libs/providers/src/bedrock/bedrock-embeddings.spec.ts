import type { EmbeddingRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget } from '../core/adapter.types';
import { readFixture } from '../core/__fixtures__/stream-harness';
import { rejectedWith } from '../core/__fixtures__/thrown';
import { AdapterRequestError, UpstreamResponseError } from '../core/errors';
import type { ResponseContext } from '../core/adapter.types';
import { bedrockAdapter } from './bedrock.adapter';

const target: ProviderTarget = {
  kind: 'bedrock',
  baseUrl: '',
  apiKey: JSON.stringify({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }),
  upstreamModel: 'amazon.titan-embed-text-v2:0',
  settings: { region: 'us-east-1' },
};
const embedding = bedrockAdapter.embedding!;
const ctx: ResponseContext = { requestModel: 'embed-small', requestId: 'req_1', created: 1735689600 };
const base64Ctx: ResponseContext = { ...ctx, encodingFormat: 'base64' };
const floatCtx: ResponseContext = { ...ctx, encodingFormat: 'float' };

async function build(patch: Partial<EmbeddingRequest> & Record<string, unknown>, upstreamModel = target.upstreamModel) {
  const request = { model: 'embed-small', input: 'hello', ...patch } as EmbeddingRequest;
  const upstream = await embedding.buildRequest(request, { ...target, upstreamModel }, { includeStreamUsage: true });
  return { url: upstream.url, accept: upstream.headers.accept, body: JSON.parse(upstream.body as string) };
}

const rejection = (patch: Record<string, unknown>, upstreamModel?: string) => rejectedWith(AdapterRequestError, () => build(patch, upstreamModel));

describe('bedrockAdapter.embedding.buildRequest', () => {
  it('invokes Titan v2 with one input text, normalised, at the requested dimensions', async () => {
    expect(await build({ input: ['The quick brown fox'], dimensions: 512, encoding_format: 'base64', user: 'u-1' })).toEqual({
      url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke',
      accept: 'application/json',
      body: { inputText: 'The quick brown fox', dimensions: 512, normalize: true },
    });
    expect((await build({})).body).toEqual({ inputText: 'hello', normalize: true });
  });

  it('sends Titan v1 the input text only', async () => {
    expect((await build({}, 'amazon.titan-embed-text-v1')).body).toEqual({ inputText: 'hello' });
  });

  it('batches Cohere inputs with an input_type (search_document unless the client names one)', async () => {
    expect(await build({ input: ['first document', 'second document'] }, 'cohere.embed-english-v3')).toEqual({
      url: 'https://bedrock-runtime.us-east-1.amazonaws.com/model/cohere.embed-english-v3/invoke',
      accept: 'application/json',
      body: { texts: ['first document', 'second document'], input_type: 'search_document' },
    });
    expect((await build({ input: 'query', input_type: 'search_query', truncate: 'END', dimensions: 1024 }, 'us.cohere.embed-v4:0')).body).toEqual({
      texts: ['query'],
      input_type: 'search_query',
      truncate: 'END',
      output_dimension: 1024,
    });
  });

  it.each([
    ['several inputs for Titan', { input: ['a', 'b'] }, undefined, 'input'],
    ['token arrays', { input: [1, 2, 3] }, undefined, 'input'],
    ['Titan v2 dimensions it does not offer', { dimensions: 300 }, undefined, 'dimensions'],
    ['dimensions for Titan v1', { dimensions: 256 }, 'amazon.titan-embed-text-v1', 'dimensions'],
    ['dimensions for Cohere v3', { dimensions: 256 }, 'cohere.embed-multilingual-v3', 'dimensions'],
    ['Cohere v4 dimensions it does not offer', { dimensions: 768 }, 'cohere.embed-v4:0', 'dimensions'],
    ['more than 96 inputs for Cohere', { input: Array.from({ length: 97 }, (_, i) => `t${i}`) }, 'cohere.embed-english-v3', 'input'],
    ['an unknown Cohere input_type', { input_type: 'image' }, 'cohere.embed-english-v3', 'input_type'],
  ])('rejects %s with a 400 naming the param', async (_name, patch, model, param) => {
    const error = await rejection(patch, model);
    expect(error).toMatchObject({ status: 400, param });
  });

  it('says why several inputs are refused', async () => {
    expect((await rejection({ input: ['a', 'b'] })).message).toContain('embeds one input per request');
  });
});

describe('bedrockAdapter.embedding.transformResponse', () => {
  it('returns a Titan vector as an OpenAI embedding list with the token count', () => {
    const result = embedding.transformResponse(readFixture(__dirname, 'embedding-response.titan.json'), ctx);
    expect(JSON.parse(result.body)).toEqual({
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.5, -1.25, 3, 0.015625] }],
      model: 'embed-small',
      usage: { prompt_tokens: 9, total_tokens: 9 },
    });
    expect(result.usage).toEqual({ inputTokens: 9, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(embedding.createStreamTransformer).toBeUndefined();
  });

  it('encodes vectors as little-endian float32 base64 when the client asked for base64', () => {
    const result = embedding.transformResponse(readFixture(__dirname, 'embedding-response.titan.json'), base64Ctx);
    const [item] = JSON.parse(result.body).data;
    // 0.5, -1.25, 3, 2^-6 as float32 LE: 00000000 3f | 0000a0bf | 00004040 | 0000803c
    expect(item.embedding).toBe('AAAAPwAAoL8AAEBAAACAPA==');
    const bytes = Buffer.from(item.embedding, 'base64');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect([0, 4, 8, 12].map((at) => view.getFloat32(at, true))).toEqual([0.5, -1.25, 3, 0.015625]);
  });

  it('returns Cohere vectors in input order, from either response shape', () => {
    const byList = JSON.parse(embedding.transformResponse(readFixture(__dirname, 'embedding-response.cohere.json'), ctx).body);
    expect(byList.data).toEqual([
      { object: 'embedding', index: 0, embedding: [0.25, -0.5] },
      { object: 'embedding', index: 1, embedding: [1, 0.125] },
    ]);
    expect(byList.usage).toEqual({ prompt_tokens: 0, total_tokens: 0 });
    const byType = JSON.stringify({ id: 'x', response_type: 'embeddings_by_type', embeddings: { float: [[0.25, -0.5], [1, 0.125]] }, meta: { billed_units: { input_tokens: 6 } } });
    const result = JSON.parse(embedding.transformResponse(byType, floatCtx).body);
    expect(result.data).toEqual(byList.data);
    expect(result.usage).toEqual({ prompt_tokens: 6, total_tokens: 6 });
  });

  it.each(['not json', '{"embedding":"x"}', '{"embeddings":[]}', '{"embeddings":{"int8":[[1]]}}'])('rejects a body without vectors: %j', (body) => {
    expect(() => embedding.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
  });
});
