/**
 * How one OpenAI-format upstream deviates from OpenAI itself, as data. OpenAI is the empty profile;
 * OpenAI-compatible vendors (DeepSeek, Groq, Ollama, vLLM ...) are presets of this shape.
 */
import type { Operation } from '../core/adapter.types';
import type { JsonObject } from '../core/json';
import { type ParamMap, type ParamRule, unsupported } from '../core/param-map';

export interface OpenAIFamilyProfile {
  /** Shown in error messages ("'logprobs' is not supported by <name> models."). */
  readonly name: string;
  /** Whether the upstream honours `stream_options.include_usage`; when false the field is never sent. */
  readonly streamUsage: boolean;
  /** Hints the upstream does not accept and whose absence changes no result: dropped silently. */
  readonly drop?: readonly string[];
  /**
   * Fields the upstream cannot honour: a client that turns them on gets a 400 instead of a silent
   * drop. "Off" values (null, false, 0, empty list or object) are dropped, as clients send them by default.
   */
  readonly reject?: readonly string[];
  /** Client field -> upstream field (e.g. `max_completion_tokens` -> `max_tokens`). */
  readonly rename?: Readonly<Record<string, string>>;
  /** Last-moment body fix-ups the fields above cannot express; keep rare. */
  readonly quirks?: (body: JsonObject, operation: Operation) => void;
}

export const OPENAI_PROFILE: OpenAIFamilyProfile = { name: 'OpenAI', streamUsage: true };

function isOff(value: unknown): boolean {
  if (value === false || value === 0) return true;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

const maps = new WeakMap<OpenAIFamilyProfile, ParamMap<object>>();

/** The parameter map of a profile: everything passes through except what the profile says. */
export function paramMapFor(profile: OpenAIFamilyProfile): ParamMap<object> {
  const cached = maps.get(profile);
  if (cached) return cached;
  const map: Record<string, ParamRule<object>> = {};
  for (const field of profile.reject ?? []) map[field] = unsupported(profile.name, isOff);
  for (const [from, to] of Object.entries(profile.rename ?? {})) {
    map[from] = { param: to };
    // When the client sends both names, the one being renamed (the client's own OpenAI name) decides.
    map[to] = { param: to, transform: (value, request) => (request as JsonObject)[from] ?? value };
  }
  maps.set(profile, map);
  return map;
}
