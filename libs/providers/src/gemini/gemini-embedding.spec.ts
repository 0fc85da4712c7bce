import type { EmbeddingRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { readFixture } from '../core/__fixtures__/stream-harness';
import { AdapterRequestError, UpstreamResponseError } from '../core/errors';
import type { ResponseContext } from '../core/adapter.types';
import { geminiAdapter } from './gemini.adapter';

const target: ProviderTarget = {
  kind: 'gemini',
  baseUrl: 'https://generativelanguage.googleapis.com',
  apiKey: 'AIzaSy-test-key',
  upstreamModel: 'gemini-embedding-001',
};
const ctx: ResponseContext = { requestModel: 'embed', requestId: 'req_1', created: 1735689600 };
const embedding = geminiAdapter.embedding!;

function build(request: Record<string, unknown>, to: ProviderTarget = target): UpstreamRequest {
  return embedding.buildRequest({ model: 'embed', ...request } as EmbeddingRequest, to, { includeStreamUsage: true }) as UpstreamRequest;
}

/** The client side of OpenAI's base64 encoding, written independently of the adapter. */
function decodeFloat32(base64: string): number[] {
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  const view = new DataView(bytes.buffer);
  return Array.from({ length: bytes.length / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

describe('geminiAdapter.embedding', () => {
  it('embeds a batch of texts through batchEmbedContents with the requested dimensions', () => {
    const built = build({ input: ['The quick brown fox', 'jumps over the lazy dog'], dimensions: 768, encoding_format: 'base64', user: 'u' }, {
      ...target,
      upstreamModel: 'models/gemini-embedding-001',
    });
    expect({ ...built, body: JSON.parse(built.body as string) }).toEqual({
      method: 'POST',
      url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents',
      headers: { 'content-type': 'application/json', 'x-goog-api-key': 'AIzaSy-test-key' },
      body: {
        requests: [
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'The quick brown fox' }] }, outputDimensionality: 768 },
          { model: 'models/gemini-embedding-001', content: { parts: [{ text: 'jumps over the lazy dog' }] }, outputDimensionality: 768 },
        ],
      },
    });
  });

  it('embeds a single string, with a Gemini-native task type', () => {
    expect(JSON.parse(build({ input: 'hello', task_type: 'RETRIEVAL_QUERY' }).body as string)).toEqual({
      requests: [{ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'hello' }] }, taskType: 'RETRIEVAL_QUERY' }],
    });
  });

  it.each([
    ['one token array', [1, 2, 3], 'input'],
    ['several token arrays', [[1, 2], [3]], 'input'],
    ['a task type that is not a string', 'x', 'task_type'],
  ])('rejects %s', (_name, input, param) => {
    const request = param === 'task_type' ? { input, task_type: 7 } : { input };
    expect(() => build(request)).toThrow(AdapterRequestError);
    try {
      build(request);
    } catch (error) {
      expect((error as AdapterRequestError).param).toBe(param);
    }
  });

  it('answers float vectors in the OpenAI list shape, with zero usage when Gemini reports none', () => {
    const result = embedding.transformResponse(readFixture(__dirname, 'embedding-response.json'), ctx);
    expect(JSON.parse(result.body)).toEqual({
      object: 'list',
      data: [
        { object: 'embedding', index: 0, embedding: [0.0023064255, -0.009327292, -0.0028842222, 0.5] },
        { object: 'embedding', index: 1, embedding: [-0.0151278395, 0.028016044, 0.001953125, -1] },
      ],
      model: 'embed',
      usage: { prompt_tokens: 0, total_tokens: 0 },
    });
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('answers base64 little-endian float32 when the client asked for it', () => {
    const result = embedding.transformResponse(readFixture(__dirname, 'embedding-response.json'), { ...ctx, encodingFormat: 'base64' } as ResponseContext);
    const data = JSON.parse(result.body).data as Array<{ embedding: string }>;
    expect(data[1]!.embedding).toBe('wtp3vOeB5TwAAAA7AACAvw==');
    expect(data.map((item) => decodeFloat32(item.embedding))).toEqual([
      [0.0023064255, -0.009327292, -0.0028842222, 0.5].map(Math.fround),
      [-0.0151278395, 0.028016044, 0.001953125, -1].map(Math.fround),
    ]);
  });

  it('reads usage when Gemini reports it', () => {
    const body = JSON.stringify({ embeddings: [{ values: [0.1] }], usageMetadata: { promptTokenCount: 7 } });
    expect(JSON.parse(embedding.transformResponse(body, ctx).body).usage).toEqual({ prompt_tokens: 7, total_tokens: 7 });
  });

  it.each(['not json', '{}', '{"embeddings":[]}', '{"embeddings":[{"values":["x"]}]}', '{"embeddings":[{}]}'])(
    'rejects a body that is not a Gemini embedding response: %s',
    (body) => {
      expect(() => embedding.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
    },
  );
});
