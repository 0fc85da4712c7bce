/**
 * How one OpenAI-format upstream deviates from OpenAI itself, as data. OpenAI is the profile with
 * every operation; OpenAI-compatible vendors (DeepSeek, Groq, Ollama, vLLM ...) and Azure OpenAI are
 * profiles of this shape.
 */
import type { Operation } from '../core/adapter.types';
import { AdapterRequestError } from '../core/errors';
import { isRecord, type JsonObject } from '../core/json';
import { type ParamMap, type ParamRule, unsupported } from '../core/param-map';

/** How the API key travels. `bearer` is omitted when the key is empty (keyless local servers). */
export type AuthStyle =
  | { readonly kind: 'bearer' }
  | { readonly kind: 'none' }
  | { readonly kind: 'header'; readonly name: string };

export const BEARER_AUTH: AuthStyle = { kind: 'bearer' };

/** What a profile assumes when it does not list its operations: the text operations, no images. */
export const DEFAULT_OPERATIONS: readonly Operation[] = ['chat', 'completion', 'embedding'];
export const ALL_OPERATIONS: readonly Operation[] = ['chat', 'completion', 'embedding', 'image', 'imageEdit'];

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
  /**
   * Fields the upstream supports at one value only (`n: 1`, `parallel_tool_calls: true`): that value
   * is the upstream's behaviour anyway and is dropped; any other value is a 400.
   */
  readonly fixed?: Readonly<Record<string, string | number | boolean>>;
  /** Client field -> upstream field (e.g. `max_completion_tokens` -> `max_tokens`). */
  readonly rename?: Readonly<Record<string, string>>;
  /**
   * `response_format.type` values the upstream accepts besides `text` (e.g. `['json_object']` for
   * a vendor without structured outputs); another type is a 400. Absent: every type passes.
   * Image requests (`response_format: "url"`) are not affected.
   */
  readonly responseFormats?: readonly string[];
  /** Chat message fix-ups, applied to `messages` before sending. */
  readonly messages?: {
    /** The `developer` role (OpenAI's newer name for `system`) becomes `system`. */
    readonly developerAsSystem?: boolean;
    /** `name` is removed from non-tool messages (participant labels the upstream rejects). */
    readonly stripNames?: boolean;
  };
  /** Operations the upstream offers; any other is a 400 before a call. Default: {@link DEFAULT_OPERATIONS}. */
  readonly operations?: readonly Operation[];
  /** How the API key is sent. Default: `Authorization: Bearer <key>`. */
  readonly auth?: AuthStyle;
  /** Whether `GET {baseUrl}/models` lists the upstream's model ids. */
  readonly modelList?: boolean;
  /** Last-moment body fix-ups the fields above cannot express; keep rare. */
  readonly quirks?: (body: JsonObject, operation: Operation) => void;
}

export const OPENAI_PROFILE: OpenAIFamilyProfile = {
  name: 'OpenAI',
  streamUsage: true,
  operations: ALL_OPERATIONS,
  modelList: true,
};

export function operationsOf(profile: OpenAIFamilyProfile): readonly Operation[] {
  return profile.operations ?? DEFAULT_OPERATIONS;
}

function isOff(value: unknown): boolean {
  if (value === false || value === 0) return true;
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0;
}

function fixedRule(provider: string, allowed: string | number | boolean): ParamRule<object> {
  return {
    transform: (value, _request, field) => {
      if (value === allowed) return undefined;
      throw new AdapterRequestError(field, `'${field}' must be ${JSON.stringify(allowed)} for ${provider} models.`);
    },
  };
}

function responseFormatRule(provider: string, allowed: readonly string[]): ParamRule<object> {
  return {
    param: 'response_format',
    transform: (value, _request, field) => {
      // Image operations use a plain string (`url` / `b64_json`); only the chat object is checked.
      if (!isRecord(value)) return value;
      const type = typeof value.type === 'string' ? value.type : '';
      if (type === 'text' || allowed.includes(type)) return value;
      throw new AdapterRequestError(
        field,
        `response_format '${type}' is not supported by ${provider} models (supported: ${['text', ...allowed].join(', ')}).`,
      );
    },
  };
}

const maps = new WeakMap<OpenAIFamilyProfile, ParamMap<object>>();

/** The parameter map of a profile: everything passes through except what the profile says. */
export function paramMapFor(profile: OpenAIFamilyProfile): ParamMap<object> {
  const cached = maps.get(profile);
  if (cached) return cached;
  const map: Record<string, ParamRule<object>> = {};
  for (const field of profile.reject ?? []) map[field] = unsupported(profile.name, isOff);
  for (const [field, allowed] of Object.entries(profile.fixed ?? {})) map[field] = fixedRule(profile.name, allowed);
  if (profile.responseFormats) map.response_format = responseFormatRule(profile.name, profile.responseFormats);
  for (const [from, to] of Object.entries(profile.rename ?? {})) {
    map[from] = { param: to };
    // When the client sends both names, the one being renamed (the client's own OpenAI name) decides.
    map[to] = { param: to, transform: (value, request) => (request as JsonObject)[from] ?? value };
  }
  maps.set(profile, map);
  return map;
}

/** Applies the profile's message rules; returns the list unchanged (same object) when nothing applies. */
export function normaliseMessages(profile: OpenAIFamilyProfile, messages: unknown): unknown {
  const rules = profile.messages;
  if (!rules || !Array.isArray(messages)) return messages;
  return messages.map((message: unknown) => {
    if (!isRecord(message)) return message;
    let out = message;
    if (rules.developerAsSystem && out.role === 'developer') out = { ...out, role: 'system' };
    if (rules.stripNames && out.role !== 'tool' && out.role !== 'function' && 'name' in out) {
      const { name: _name, ...rest } = out;
      out = rest;
    }
    return out;
  });
}
