import { describe, expect, it } from 'vitest';
import type { ProviderTarget } from '../core/adapter.types';
import { readFixture } from '../core/__fixtures__/stream-harness';
import { AdapterRequestError, UpstreamResponseError } from '../core/errors';
import { openAICompatibleAdapter } from '../openai-compatible/openai-compatible.adapter';
import { openAIAdapter } from './openai.adapter';

const openai: ProviderTarget = {
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1/',
  apiKey: 'sk-test-openai',
  upstreamModel: 'unused',
  headers: { 'OpenAI-Project': 'proj_1' },
};
const compatible = (vendor: string, baseUrl: string, apiKey = 'key'): ProviderTarget => ({
  kind: 'openai-compatible',
  vendor,
  baseUrl,
  apiKey,
  upstreamModel: 'unused',
});

describe('listModels for the OpenAI family', () => {
  it('GETs {base}/models with the credentials and no body', async () => {
    expect(await openAIAdapter.listModels!.buildRequest(openai)).toEqual({
      method: 'GET',
      url: 'https://api.openai.com/v1/models',
      headers: { accept: 'application/json', 'openai-project': 'proj_1', authorization: 'Bearer sk-test-openai' },
    });
  });

  it('reads the ids of an OpenAI list', () => {
    expect(openAIAdapter.listModels!.parseResponse(readFixture(__dirname, 'models-response.json'))).toEqual([
      'gpt-4o-mini',
      'gpt-image-1',
      'text-embedding-3-small',
      'ft:gpt-4o-mini-2024-07-18:acme::B7x2Kq9',
    ]);
  });

  it("reads Together's bare array, skipping entries without an id and duplicates", () => {
    const body = readFixture(__dirname, '../../openai-compatible/__fixtures__/together-models.json');
    expect(openAICompatibleAdapter.listModels!.parseResponse(body)).toEqual([
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'black-forest-labs/FLUX.1-schnell',
    ]);
  });

  it.each(['<html>404</html>', '{"object":"list"}', '"models"'])('rejects an unreadable list: %j', (body) => {
    expect(() => openAIAdapter.listModels!.parseResponse(body)).toThrow(UpstreamResponseError);
  });

  it.each([
    ['ollama', 'http://localhost:11434/v1', 'http://localhost:11434/v1/models', {}],
    ['together', 'https://api.together.xyz/v1', 'https://api.together.xyz/v1/models', { authorization: 'Bearer key' }],
    ['deepseek', 'https://api.deepseek.com', 'https://api.deepseek.com/models', { authorization: 'Bearer key' }],
    ['generic', 'https://llm.internal.example/v1', 'https://llm.internal.example/v1/models', { authorization: 'Bearer key' }],
  ])('lists %s models at %s', async (vendor, baseUrl, url, credentials) => {
    expect(await openAICompatibleAdapter.listModels!.buildRequest(compatible(vendor, baseUrl))).toEqual({
      method: 'GET',
      url,
      headers: { accept: 'application/json', ...credentials },
    });
  });

  it.each([
    ['volcengine', 'Volcengine Ark does not offer a model list.'],
    ['zhipu', 'Zhipu GLM does not offer a model list.'],
  ])('refuses to list %s models (no documented endpoint)', (vendor, message) => {
    const attempt = () => openAICompatibleAdapter.listModels!.buildRequest(compatible(vendor, 'https://x.example/v1'));
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow(message);
  });
});
