import { describe, expect, it } from 'vitest';
import { emptyUsage, toOpenAIUsage, usageFromAnthropic, usageFromOpenAI } from './usage';

describe('usageFromOpenAI', () => {
  it('reads prompt, completion, cached and reasoning tokens', () => {
    expect(
      usageFromOpenAI({
        prompt_tokens: 2006,
        completion_tokens: 300,
        total_tokens: 2306,
        prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 128, audio_tokens: 0 },
      }),
    ).toEqual({ inputTokens: 2006, outputTokens: 300, cachedInputTokens: 1920, cacheWriteTokens: 0, reasoningTokens: 128 });
  });

  it('treats missing, null and garbage counts as 0', () => {
    expect(usageFromOpenAI({ prompt_tokens: 8, completion_tokens: null, prompt_tokens_details: null, total_tokens: 'x' })).toEqual({
      ...emptyUsage(),
      inputTokens: 8,
    });
    expect(usageFromOpenAI({ prompt_tokens: -3, completion_tokens: 2.7 })).toEqual({ ...emptyUsage(), outputTokens: 2 });
  });

  it.each([undefined, null, 'usage', [1]])('is null without a usage object (%j)', (raw) => {
    expect(usageFromOpenAI(raw)).toBeNull();
  });
});

describe('usageFromAnthropic', () => {
  it('adds cache reads and writes to the input tokens', () => {
    expect(
      usageFromAnthropic({
        input_tokens: 50,
        cache_creation_input_tokens: 1000,
        cache_read_input_tokens: 3000,
        cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 0 },
        output_tokens: 200,
        output_tokens_details: { thinking_tokens: 120 },
        service_tier: 'standard',
      }),
    ).toEqual({ inputTokens: 4050, outputTokens: 200, cachedInputTokens: 3000, cacheWriteTokens: 1000, reasoningTokens: 120 });
  });

  it('accepts null cache fields', () => {
    expect(usageFromAnthropic({ input_tokens: 10, cache_creation_input_tokens: null, cache_read_input_tokens: null, output_tokens: 1 })).toEqual({
      ...emptyUsage(),
      inputTokens: 10,
      outputTokens: 1,
    });
  });
});

describe('toOpenAIUsage', () => {
  it('builds the OpenAI usage object with totals and details', () => {
    expect(toOpenAIUsage({ inputTokens: 4050, outputTokens: 200, cachedInputTokens: 3000, cacheWriteTokens: 1000, reasoningTokens: 120 })).toEqual({
      prompt_tokens: 4050,
      completion_tokens: 200,
      total_tokens: 4250,
      prompt_tokens_details: { cached_tokens: 3000, cache_write_tokens: 1000 },
      completion_tokens_details: { reasoning_tokens: 120 },
    });
  });
});
