import { createProviderAccountSchema } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { defaultBaseUrlOf, EMPTY_PROVIDER, needsApiKey, toCreateInput } from './provider-form-state';
import type { ProviderPresets } from './use-providers';

const presets: ProviderPresets = {
  kinds: [{ kind: 'openai', defaultBaseUrl: 'https://api.openai.com/v1' }, { kind: 'azure-openai', defaultBaseUrl: null }],
  vendors: [
    { name: 'generic', displayName: 'OpenAI-compatible', defaultBaseUrl: null, authStyle: { kind: 'bearer' }, offersModelList: true },
    { name: 'ollama', displayName: 'Ollama', defaultBaseUrl: 'http://localhost:11434/v1', authStyle: { kind: 'none' }, offersModelList: true },
  ],
};

describe('provider form state', () => {
  it('builds a Bedrock account with region and AWS credentials only', () => {
    const input = toCreateInput({ ...EMPTY_PROVIDER, name: 'b', kind: 'bedrock', region: 'eu-west-1', apiKey: 'ignored', accessKeyId: 'AKIAEXAMPLE000000000', secretAccessKey: 'x'.repeat(20) });
    expect(input).toMatchObject({ kind: 'bedrock', settings: { region: 'eu-west-1' }, apiKey: undefined, awsCredentials: { accessKeyId: 'AKIAEXAMPLE000000000' } });
    expect(createProviderAccountSchema.safeParse(input).success).toBe(true);
    expect(defaultBaseUrlOf({ ...EMPTY_PROVIDER, kind: 'bedrock', region: 'eu-west-1' }, presets)).toBe('https://bedrock-runtime.eu-west-1.amazonaws.com');
  });

  it('sends Azure the endpoint and api version, and vendors only to openai-compatible', () => {
    const azure = toCreateInput({ ...EMPTY_PROVIDER, name: 'a', kind: 'azure-openai', baseUrl: 'https://r.openai.azure.com', apiVersion: '2024-10-21', apiKey: 'k', vendor: 'ollama' });
    expect(azure).toMatchObject({ settings: { apiVersion: '2024-10-21' }, vendor: undefined });
    expect(createProviderAccountSchema.safeParse(azure).success).toBe(true);
  });

  it('knows which vendors need a key and a base URL', () => {
    expect(needsApiKey({ ...EMPTY_PROVIDER, kind: 'openai-compatible', vendor: 'ollama' }, presets)).toBe(false);
    expect(needsApiKey({ ...EMPTY_PROVIDER, kind: 'openai-compatible', vendor: 'generic' }, presets)).toBe(true);
    expect(defaultBaseUrlOf({ ...EMPTY_PROVIDER, kind: 'openai-compatible', vendor: 'generic' }, presets)).toBeNull();
    expect(defaultBaseUrlOf(EMPTY_PROVIDER, presets)).toBe('https://api.openai.com/v1');
  });
});
