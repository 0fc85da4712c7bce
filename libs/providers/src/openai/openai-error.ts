/** OpenAI-format error bodies (also what most OpenAI-compatible vendors send) -> UpstreamError. */
import type { UpstreamError } from '../core/adapter.types';
import { isRetryableStatus, upstreamErrorFromStatus } from '../core/errors';
import { isRecord, parseJsonObject, stringOrNull, type JsonObject } from '../core/json';

/** Reads `{error: {message, type, param, code}}` and vendor variants (`{error: "..."}`, `{detail}`, flat). */
function errorFields(body: JsonObject | undefined) {
  const inner = isRecord(body?.error) ? body.error : body;
  return {
    message:
      stringOrNull(inner?.message) ??
      (typeof body?.error === 'string' ? body.error : null) ??
      stringOrNull(body?.detail),
    type: stringOrNull(inner?.type),
    code: stringOrNull(inner?.code),
    param: stringOrNull(inner?.param),
  };
}

export function parseOpenAIError(status: number, body: string, headers: Record<string, string>): UpstreamError {
  return upstreamErrorFromStatus(status, errorFields(parseJsonObject(body)), headers);
}

/** A stream has no status for an error frame; the error type decides what the client would have got. */
function statusForStreamError(type: string | null, code: string | null): number {
  const kind = `${type ?? ''} ${code ?? ''}`;
  if (/rate_limit|insufficient_quota|\btokens\b|\brequests\b/.test(kind)) return 429;
  if (/invalid_request|context_length/.test(kind)) return 400;
  if (/authentication/.test(kind)) return 401;
  if (/permission/.test(kind)) return 403;
  if (/overloaded|unavailable/.test(kind)) return 503;
  return 502;
}

/** The `error` member of a mid-stream frame `{"error": {...}}`. */
export function openAIStreamError(frame: JsonObject): UpstreamError {
  const fields = errorFields(frame);
  const status = statusForStreamError(fields.type, fields.code);
  return {
    status,
    type: fields.type ?? 'api_error',
    code: fields.code,
    param: fields.param,
    message: fields.message ?? 'The upstream provider reported an error mid-stream',
    retryable: isRetryableStatus(status),
  };
}
