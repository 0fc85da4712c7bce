import { PROVIDER_KINDS } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import * as publicApi from './index';
import { getAdapter, isProviderKind } from './registry';

describe('registry', () => {
  it('has one adapter per kind the contracts know, each reporting its kind', () => {
    for (const kind of PROVIDER_KINDS) expect(getAdapter(kind).kind).toBe(kind);
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
      'UpstreamResponseError',
      'applyParamMap',
      'clientStatusFor',
      'createSseDecoder',
      'defaultBaseUrl',
      'emptyUsage',
      'getAdapter',
      'isProviderKind',
      'isRetryableStatus',
      'listVendorPresets',
      'parseRetryAfter',
      'toOpenAIUsage',
      'usageFromAnthropic',
      'usageFromOpenAI',
    ]);
  });

  it('guards kinds read from configuration', () => {
    expect(isProviderKind('anthropic')).toBe(true);
    expect(isProviderKind('vertex')).toBe(false);
    expect(isProviderKind('toString')).toBe(false);
    expect(() => getAdapter('vertex' as never)).toThrow("Unknown provider kind 'vertex'");
  });
});
