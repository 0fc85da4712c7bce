/** Reply text shared by every format: deterministic from the prompt, split into stream pieces. */
import { stripDirectives } from './faults';
import { countTokens } from './tokens';

const PROMPT_WORDS_ECHOED = 8;

/** `Mock reply to: <first words of the prompt>`, with directives removed. */
export function defaultReply(prompt: string): string {
  const words = stripDirectives(prompt).split(/\s+/, PROMPT_WORDS_ECHOED + 1).filter(Boolean);
  if (words.length === 0) return 'Mock reply.';
  const head = words.slice(0, PROMPT_WORDS_ECHOED).join(' ');
  return `Mock reply to: ${head}${words.length > PROMPT_WORDS_ECHOED ? ' ...' : ''}`;
}

export interface Completion {
  text: string;
  /** True when `maxTokens` cut the text (finish_reason `length`, stop_reason `max_tokens`). */
  truncated: boolean;
  tokens: number;
}

/** Applies a `max_tokens` limit the way a model would: the text stops at the limit. */
export function limitTokens(text: string, maxTokens: unknown): Completion {
  const tokens = countTokens(text);
  if (typeof maxTokens !== 'number' || maxTokens <= 0 || tokens <= maxTokens) {
    return { text, truncated: false, tokens };
  }
  return { text: text.slice(0, maxTokens * 4), truncated: true, tokens: maxTokens };
}

/**
 * Splits `text` into `count` pieces of near-equal length whose concatenation is `text`; without a
 * count, one piece per word (each keeps its following spaces), like a model's token stream.
 */
export function splitText(text: string, count?: number): string[] {
  if (count === undefined || count < 1) return text.match(/\S+\s*|\s+/g) ?? [''];
  const pieces = Math.min(Math.floor(count), Math.max(1, text.length));
  const out: string[] = [];
  for (let i = 0; i < pieces; i++) {
    out.push(text.slice(Math.floor((i * text.length) / pieces), Math.floor(((i + 1) * text.length) / pieces)));
  }
  return out;
}

/** Tool arguments stream in a few pieces by default, as real providers send them. */
export function splitArguments(json: string, count?: number): string[] {
  return splitText(json, count ?? Math.min(4, json.length));
}

/**
 * The pieces an answer keeps when it stops early on a `finishReason` directive (a safety stop): the
 * first half, at least one, so streams end mid-answer.
 */
export function stoppedEarly(pieces: string[]): string[] {
  return pieces.slice(0, Math.max(1, Math.floor(pieces.length / 2)));
}
