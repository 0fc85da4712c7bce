/** The OpenAI `usage` object, with the cache and reasoning details directives can set. */
import type { MockDirective } from '../types';

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

/** `cached_tokens` is a subset of `prompt_tokens`; reasoning tokens add to `completion_tokens`. */
export function openaiUsage(promptTokens: number, completionTokens: number, options: MockDirective): OpenAIUsage {
  const reasoning = Math.max(0, options.reasoningTokens ?? 0);
  const completion = completionTokens + reasoning;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completion,
    total_tokens: promptTokens + completion,
    prompt_tokens_details: { cached_tokens: Math.min(promptTokens, Math.max(0, options.cachedTokens ?? 0)), audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: reasoning,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}
