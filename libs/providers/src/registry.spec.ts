import { PROVIDER_KINDS as CONTRACT_PROVIDER_KINDS } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import * as publicApi from './index';
import { getAdapter, isProviderKind, PROVIDER_KINDS } from './registry';

describe('registry', () => {
  it('has one adapter per kind, each reporting its kind', () => {
    for (const kind of PROVIDER_KINDS) expect(getAdapter(kind).kind).toBe(kind);
  });

  it('knows the same kinds as the admin contracts', () => {
    expect([...PROVIDER_KINDS].sort()).toEqual([...CONTRACT_PROVIDER_KINDS].sort());
  });

  it.each([
    ['openai', ['chat', 'completion', 'embedding']],
    ['openai-compatible', ['chat', 'completion', 'embedding']],
    ['anthropic', ['chat']],
  ] as const)('%s supports %j', (kind, operations) => {
    const adapter = getAdapter(kind);
    expect((['chat', 'completion', 'embedding'] as const).filter((operation) => adapter[operation])).toEqual(operations);
  });

  it('is reachable through the package entry point', () => {
    expect(Object.keys(publicApi).sort()).toEqual([
      'ANTHROPIC_VERSION',
      'AdapterRequestError',
      'DEFAULT_ANTHROPIC_MAX_TOKENS',
      'DEFAULT_MAX_SSE_BUFFER',
      'OPENAI_COMPATIBLE_PROFILES',
      'PROVIDER_KINDS',
      'UpstreamResponseError',
      'applyParamMap',
      'clientStatusFor',
      'createSseDecoder',
      'emptyUsage',
      'getAdapter',
      'isProviderKind',
      'isRetryableStatus',
      'parseRetryAfter',
      'toOpenAIUsage',
      'usageFromAnthropic',
      'usageFromOpenAI',
    ]);
  });

  it('guards kinds read from configuration', () => {
    expect(isProviderKind('anthropic')).toBe(true);
    expect(isProviderKind('gemini')).toBe(false);
    expect(isProviderKind('toString')).toBe(false);
    expect(() => getAdapter('gemini' as never)).toThrow("Unknown provider kind 'gemini'");
  });
});
