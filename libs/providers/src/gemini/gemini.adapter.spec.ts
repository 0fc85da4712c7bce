import { describe, expect, it } from 'vitest';
import type { ProviderTarget } from '../core/adapter.types';
import { readFixture } from '../core/__fixtures__/stream-harness';
import { UpstreamResponseError } from '../core/errors';
import { geminiAdapter } from './gemini.adapter';

const target: ProviderTarget = {
  kind: 'gemini',
  baseUrl: 'https://generativelanguage.googleapis.com/',
  apiKey: 'AIzaSy-test-key',
  upstreamModel: 'gemini-2.0-flash',
};

describe('geminiAdapter', () => {
  it('is the gemini family, with chat (streaming too), embeddings and a model list', () => {
    expect(geminiAdapter.kind).toBe('gemini');
    expect(geminiAdapter.chat?.createStreamTransformer).toBeTypeOf('function');
    expect(geminiAdapter.embedding?.createStreamTransformer).toBeUndefined();
    expect(geminiAdapter.completion).toBeUndefined();
  });

  it('lists models with the key in a header and as many per page as Google allows', () => {
    expect(geminiAdapter.listModels!.buildRequest(target)).toEqual({
      method: 'GET',
      url: 'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000',
      headers: { 'x-goog-api-key': 'AIzaSy-test-key' },
    });
  });

  it('keeps the models that can chat or embed, without the models/ prefix', () => {
    expect(geminiAdapter.listModels!.parseResponse(readFixture(__dirname, 'models-response.json'))).toEqual([
      'gemini-2.0-flash',
      'gemini-2.5-flash',
      'gemini-embedding-001',
    ]);
    expect(geminiAdapter.listModels!.parseResponse('{}')).toEqual([]);
    expect(() => geminiAdapter.listModels!.parseResponse('<html>')).toThrow(UpstreamResponseError);
  });
});
