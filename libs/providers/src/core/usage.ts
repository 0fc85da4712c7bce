/** Usage normalisation: every family's token report in one shape, and back to OpenAI's `usage`. */
import type { CompletionUsage } from '@ai-router/contracts';
import type { NormalizedUsage } from './adapter.types';
import { isRecord } from './json';

/** Non-negative integer count; anything else (missing, null, garbage) counts as 0. */
export function tokenCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export function emptyUsage(): NormalizedUsage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
}

/** OpenAI `usage` (chat, completions, embeddings); null when the upstream sent none. */
export function usageFromOpenAI(raw: unknown): NormalizedUsage | null {
  if (!isRecord(raw)) return null;
  const prompt = isRecord(raw.prompt_tokens_details) ? raw.prompt_tokens_details : {};
  const completion = isRecord(raw.completion_tokens_details) ? raw.completion_tokens_details : {};
  return {
    inputTokens: tokenCount(raw.prompt_tokens),
    outputTokens: tokenCount(raw.completion_tokens),
    cachedInputTokens: tokenCount(prompt.cached_tokens),
    cacheWriteTokens: tokenCount(prompt.cache_write_tokens),
    reasoningTokens: tokenCount(completion.reasoning_tokens),
  };
}

/**
 * Anthropic `usage`: `input_tokens` excludes cache reads and writes, so all three add up to the
 * prompt size OpenAI would report as `prompt_tokens`.
 */
export function usageFromAnthropic(raw: unknown): NormalizedUsage | null {
  if (!isRecord(raw)) return null;
  const cacheRead = tokenCount(raw.cache_read_input_tokens);
  const cacheWrite = tokenCount(raw.cache_creation_input_tokens);
  const outputDetails = isRecord(raw.output_tokens_details) ? raw.output_tokens_details : {};
  return {
    inputTokens: tokenCount(raw.input_tokens) + cacheRead + cacheWrite,
    outputTokens: tokenCount(raw.output_tokens),
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: tokenCount(outputDetails.thinking_tokens),
  };
}

export function toOpenAIUsage(usage: NormalizedUsage): CompletionUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: {
      cached_tokens: usage.cachedInputTokens,
      cache_write_tokens: usage.cacheWriteTokens,
    },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}
