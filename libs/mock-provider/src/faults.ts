/**
 * Per-request choice of fault and answer options. Three sources, most specific wins:
 * the `x-mock-fault` header, then `[[mock:{...}]]` directives in the last user message, then the
 * server-level fault. A source that carries no fault field (only `reply`, `chunks`, ...) does not
 * hide a less specific fault; one that does replaces it whole, so `{"latencyMs":5}` in a message
 * cancels a server-level 500 for that request.
 */
import type { MockDirective, MockFault } from './types';

const OPEN = '[[mock:';
const CLOSE = '}]]';

const FAULT_FIELDS: readonly (keyof MockFault)[] = [
  'status',
  'retryAfterSeconds',
  'latencyMs',
  'chunkDelayMs',
  'dropAfterChunks',
  'errorAfterChunks',
  'failRate',
];

/** Non-negative numbers; anything else (a typo, a string) is rejected with a 400 naming the field. */
const NUMBER_FIELDS: ReadonlySet<string> = new Set([
  ...FAULT_FIELDS,
  'chunks',
  'cachedTokens',
  'cacheWriteTokens',
  'reasoningTokens',
  'streamErrorStatus',
]);

const STRING_FIELDS: ReadonlySet<string> = new Set(['reply', 'finishReason']);
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(['safetyBlock', 'contentFilter']);

/** Shared result for the common case of a prompt without directives (no allocation). */
export const NO_DIRECTIVE: MockDirective = Object.freeze({});

export class DirectiveError extends Error {}

/**
 * Merges every `[[mock:{...}]]` in `text` (later ones win); text that is not a JSON object is left
 * alone, a JSON object with unknown or mistyped fields throws DirectiveError.
 */
export function parseDirectives(text: string): MockDirective {
  let start = text.indexOf(OPEN);
  if (start === -1) return NO_DIRECTIVE;
  let merged: MockDirective | undefined;
  while (start !== -1) {
    const span = directiveSpan(text, start);
    if (!span) break;
    merged = { ...merged, ...span.directive };
    start = text.indexOf(OPEN, span.end);
  }
  return merged ?? NO_DIRECTIVE;
}

/** The prompt text without its directives, so default replies and sampling ignore them. */
export function stripDirectives(text: string): string {
  let start = text.indexOf(OPEN);
  if (start === -1) return text;
  let out = '';
  let from = 0;
  while (start !== -1) {
    const span = directiveSpan(text, start);
    if (!span) break;
    out += text.slice(from, start);
    from = span.end;
    start = text.indexOf(OPEN, from);
  }
  return (out + text.slice(from)).trim();
}

/** The JSON may itself contain `}]]`, so try each candidate end until one parses. */
function directiveSpan(text: string, start: number): { directive: MockDirective; end: number } | undefined {
  const jsonStart = start + OPEN.length;
  let close = text.indexOf(CLOSE, jsonStart);
  while (close !== -1) {
    const parsed = tryParseObject(text.slice(jsonStart, close + 1));
    if (parsed) return { directive: checked(parsed, 'directive'), end: close + CLOSE.length };
    close = text.indexOf(CLOSE, close + 1);
  }
  return undefined;
}

function tryParseObject(json: string): MockDirective | undefined {
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as MockDirective) : undefined;
  } catch {
    return undefined;
  }
}

/** Parses the `x-mock-fault` header; a malformed header is the test author's bug, so it fails loudly. */
export function parseFaultHeader(value: string | string[] | undefined): MockDirective | undefined {
  if (value === undefined) return undefined;
  const parsed = tryParseObject(Array.isArray(value) ? value[0] : value);
  if (!parsed) throw new DirectiveError('x-mock-fault must be a JSON object');
  return checked(parsed, 'x-mock-fault');
}

function checked(directive: MockDirective, source: string): MockDirective {
  for (const [field, value] of Object.entries(directive)) {
    const valid = STRING_FIELDS.has(field)
      ? typeof value === 'string'
      : BOOLEAN_FIELDS.has(field)
        ? typeof value === 'boolean'
        : NUMBER_FIELDS.has(field) && typeof value === 'number' && Number.isFinite(value) && value >= 0;
    if (!valid) throw new DirectiveError(`Invalid ${source} field '${field}': ${JSON.stringify(value)}`);
  }
  if (directive.failRate !== undefined && directive.failRate > 1) {
    throw new DirectiveError(`Invalid ${source} field 'failRate': expected 0..1`);
  }
  return directive;
}

function hasFault(directive: MockDirective | undefined): directive is MockDirective {
  if (!directive) return false;
  for (const field of FAULT_FIELDS) if (directive[field] !== undefined) return true;
  return false;
}

export interface Resolved {
  fault: MockFault | null;
  /** Answer options; header fields override message ones. */
  options: MockDirective;
}

export function resolve(header: MockDirective | undefined, inline: MockDirective, server: MockFault | null): Resolved {
  const fault = hasFault(header) ? header : hasFault(inline) ? inline : server;
  const options = header ? (inline === NO_DIRECTIVE ? header : { ...inline, ...header }) : inline;
  return { fault, options };
}

/** The error status this request gets, if any; draws from `random` only when `failRate` is set. */
export function errorStatus(fault: MockFault | null, random: () => number): number | undefined {
  if (!fault) return undefined;
  if (fault.failRate !== undefined) {
    return random() < fault.failRate ? (fault.status ?? 500) : undefined;
  }
  return fault.status !== undefined && fault.status >= 400 ? fault.status : undefined;
}

/** mulberry32: a tiny seeded PRNG so `failRate` runs are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
