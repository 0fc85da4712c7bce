/**
 * A small declarative engine that turns an OpenAI request body into a provider body, one rule per
 * OpenAI field (modelled on Portkey's `{ param, default, required, transform }` maps).
 */
import { AdapterRequestError } from './errors';
import { isRecord, type JsonObject } from './json';

export interface ParamRule<TRequest> {
  /** Upstream field, dotted for nested objects (`output_config.effort`); omitted = consume the field. */
  param?: string;
  /** Fills the upstream field when it is still unset after every client field was applied. */
  default?: ((request: TRequest) => unknown) | string | number | boolean | JsonObject | unknown[];
  /** The upstream field must be set in the end: by the client, else by the default, else a 400. */
  required?: boolean;
  /** Converts the client value; undefined leaves the field unset. Throws AdapterRequestError to reject. */
  transform?: (value: any, request: TRequest, field: string) => unknown;
}

/** OpenAI field -> rule, or several rules when one field feeds several upstream fields. */
export type ParamMap<TRequest> = Record<string, ParamRule<TRequest> | readonly ParamRule<TRequest>[]>;

export interface ParamMapOptions {
  /** Copy fields without a rule unchanged (OpenAI-format upstreams) instead of dropping them. */
  passUnknown: boolean;
  /** Fields dropped before any rule runs (e.g. what an OpenAI-compatible vendor does not accept). */
  exclude?: readonly string[];
}

function rulesOf<T>(entry: ParamRule<T> | readonly ParamRule<T>[]): readonly ParamRule<T>[] {
  return Array.isArray(entry) ? entry : [entry as ParamRule<T>];
}

function getPath(target: JsonObject, path: string): unknown {
  let node: unknown = target;
  for (const key of path.split('.')) {
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

function setPath(target: JsonObject, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = isRecord(next) ? next : (node[key] = {});
  }
  node[last] = value;
}

export function applyParamMap<TRequest extends object>(
  request: TRequest,
  map: ParamMap<TRequest>,
  options: ParamMapOptions,
): JsonObject {
  const out: JsonObject = {};
  const excluded = new Set(options.exclude);
  for (const [field, value] of Object.entries(request)) {
    if (excluded.has(field)) continue;
    const entry = Object.hasOwn(map, field) ? map[field] : undefined;
    if (!entry) {
      if (options.passUnknown) out[field] = value;
      continue;
    }
    // OpenAI treats an explicit null as "use the default", so it never reaches a rule.
    if (value === null || value === undefined) continue;
    for (const rule of rulesOf(entry)) {
      const mapped = rule.transform ? rule.transform(value, request, field) : value;
      if (rule.param !== undefined && mapped !== undefined) setPath(out, rule.param, mapped);
    }
  }
  for (const [field, entry] of Object.entries(map)) {
    for (const rule of rulesOf(entry)) {
      if (rule.param === undefined || getPath(out, rule.param) !== undefined) continue;
      const fallback = typeof rule.default === 'function' ? rule.default(request) : rule.default;
      if (fallback !== undefined) setPath(out, rule.param, fallback);
      else if (rule.required) {
        throw new AdapterRequestError(field, `Missing required parameter: '${field}'.`, 'missing_required_parameter');
      }
    }
  }
  return out;
}

/**
 * A rule for a field the provider cannot honour: absent, null or the neutral value passes (clients
 * often send defaults such as `presence_penalty: 0`), anything else is a 400 rather than a silent drop.
 */
export function unsupported<TRequest>(
  provider: string,
  isNeutral: (value: any) => boolean = () => false,
): ParamRule<TRequest> {
  return {
    transform: (value, _request, field) => {
      if (isNeutral(value)) return undefined;
      throw new AdapterRequestError(field, `'${field}' is not supported by ${provider} models.`);
    },
  };
}
