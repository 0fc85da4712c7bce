import { describe, expect, it } from 'vitest';
import { defaultBaseUrl } from './default-base-url';

describe('defaultBaseUrl', () => {
  it('knows the public endpoints of the families that have one', () => {
    expect(defaultBaseUrl('openai')).toBe('https://api.openai.com/v1');
    expect(defaultBaseUrl('anthropic')).toBe('https://api.anthropic.com');
    expect(defaultBaseUrl('gemini')).toBe('https://generativelanguage.googleapis.com');
  });

  it('derives Bedrock from the region and vendors from their preset', () => {
    expect(defaultBaseUrl('bedrock', { settings: { region: 'eu-west-1' } })).toBe('https://bedrock-runtime.eu-west-1.amazonaws.com');
    expect(defaultBaseUrl('bedrock')).toBeNull();
    expect(defaultBaseUrl('openai-compatible', { vendor: 'deepseek' })).toBe('https://api.deepseek.com');
  });

  it('has no default where the admin must say where the server is', () => {
    expect(defaultBaseUrl('azure-openai')).toBeNull();
    expect(defaultBaseUrl('openai-compatible')).toBeNull();
    expect(defaultBaseUrl('openai-compatible', { vendor: 'no-such-vendor' })).toBeNull();
  });
});
