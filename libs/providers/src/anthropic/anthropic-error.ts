/** Anthropic error bodies `{type:'error', error:{type, message}}` (HTTP and mid-stream) -> UpstreamError. */
import type { UpstreamError } from '../core/adapter.types';
import { upstreamErrorFromStatus } from '../core/errors';
import { isRecord, parseJsonObject, stringOrNull, type JsonObject } from '../core/json';

/** The HTTP status Anthropic documents for each error type; a stream error has only the type. */
export const ANTHROPIC_ERROR_STATUS: Readonly<Record<string, number>> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

function errorFields(body: JsonObject | undefined) {
  const error = isRecord(body?.error) ? body.error : undefined;
  // The Anthropic type stays visible as `code`; `type` becomes OpenAI's name for the status.
  return { message: stringOrNull(error?.message), code: stringOrNull(error?.type) };
}

export function parseAnthropicError(status: number, body: string, headers: Record<string, string>): UpstreamError {
  return upstreamErrorFromStatus(status, errorFields(parseJsonObject(body)), headers);
}

export function anthropicStreamError(event: JsonObject): UpstreamError {
  const fields = errorFields(event);
  const status = (fields.code && ANTHROPIC_ERROR_STATUS[fields.code]) || 500;
  return upstreamErrorFromStatus(status, fields, {});
}
