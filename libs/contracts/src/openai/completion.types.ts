/** Legacy Completions response body (also the shape of each stream chunk). */
import type { CompletionUsage } from './usage.types';

export interface CompletionChoice {
  index: number;
  text: string;
  logprobs: {
    tokens?: string[];
    token_logprobs?: number[];
    top_logprobs?: Array<Record<string, number>>;
    text_offset?: number[];
  } | null;
  finish_reason: 'stop' | 'length' | 'content_filter' | null;
}

export interface Completion {
  id: string;
  object: 'text_completion';
  created: number;
  model: string;
  choices: CompletionChoice[];
  usage?: CompletionUsage | null;
  system_fingerprint?: string;
}
