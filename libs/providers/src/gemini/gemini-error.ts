/**
 * Google API error bodies `{error: {code, message, status, details[]}}` (HTTP and mid-stream) ->
 * UpstreamError. The canonical status (`RESOURCE_EXHAUSTED`) stays visible as `code`.
 */
import type { UpstreamError } from '../core/adapter.types';
import { upstreamErrorFromStatus } from '../core/errors';
import { isRecord, stringOrNull, type JsonObject } from '../core/json';

/** google.rpc.Code names -> the HTTP status Google documents for them. */
export const GEMINI_STATUS_CODES: Readonly<Record<string, number>> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  OUT_OF_RANGE: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ABORTED: 409,
  ALREADY_EXISTS: 409,
  RESOURCE_EXHAUSTED: 429,
  UNKNOWN: 500,
  INTERNAL: 500,
  DATA_LOSS: 500,
  UNIMPLEMENTED: 501,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
};

/** Google answers a bad or expired key with 400 INVALID_ARGUMENT; for the gateway it is a credential failure. */
const KEY_REASONS = new Set(['API_KEY_INVALID', 'API_KEY_EXPIRED']);

const DETAIL_TYPE = 'type.googleapis.com/google.rpc.';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `error` object of a body; streaming endpoints without `alt=sse` wrap it in an array. */
function googleError(body: unknown): JsonObject | undefined {
  const top = Array.isArray(body) ? body[0] : body;
  return isRecord(top) && isRecord(top.error) ? top.error : undefined;
}

function details(error: JsonObject | undefined, type: string): JsonObject[] {
  const list = Array.isArray(error?.details) ? error.details.filter(isRecord) : [];
  return list.filter((detail) => detail['@type'] === `${DETAIL_TYPE}${type}`);
}

/** `RetryInfo.retryDelay` is a protobuf Duration in JSON form: `"27s"`, `"0.5s"`. */
export function retryDelaySeconds(error: JsonObject | undefined): number | undefined {
  for (const detail of details(error, 'RetryInfo')) {
    const match = typeof detail.retryDelay === 'string' ? /^(\d+(?:\.\d+)?)s$/.exec(detail.retryDelay) : null;
    if (match) return Math.ceil(Number(match[1]));
  }
  return undefined;
}

function keyFailure(error: JsonObject | undefined): string | undefined {
  return details(error, 'ErrorInfo')
    .map((detail) => stringOrNull(detail.reason))
    .find((reason): reason is string => reason !== null && KEY_REASONS.has(reason));
}

function build(status: number, error: JsonObject | undefined, headers: Record<string, string>): UpstreamError {
  const keyReason = keyFailure(error);
  const result = upstreamErrorFromStatus(
    keyReason ? 401 : status,
    { message: stringOrNull(error?.message), code: keyReason ?? stringOrNull(error?.status) },
    headers,
  );
  if (result.retryAfterSeconds === undefined) {
    const delay = retryDelaySeconds(error);
    if (delay !== undefined) result.retryAfterSeconds = delay;
  }
  return result;
}

export function parseGeminiError(status: number, body: string, headers: Record<string, string>): UpstreamError {
  return build(status, googleError(parseJson(body)), headers);
}

/** An `{error}` frame inside a 200 stream carries its own numeric code and canonical status. */
export function geminiStreamError(frame: JsonObject): UpstreamError {
  const error = googleError(frame);
  const code = error?.code;
  const named = typeof error?.status === 'string' ? GEMINI_STATUS_CODES[error.status] : undefined;
  const status = typeof code === 'number' && code >= 400 && code < 600 ? code : (named ?? 500);
  return build(status, error, {});
}
