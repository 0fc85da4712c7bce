/**
 * Bedrock errors -> UpstreamError. Over HTTP the error name is in the `x-amzn-errortype` header
 * (`ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/`) and the body is
 * `{"message": "..."}`; in a stream it is an exception frame (`:exception-type: throttlingException`).
 */
import type { UpstreamError } from '../core/adapter.types';
import { upstreamErrorFromStatus } from '../core/errors';
import { parseJsonObject, stringOrNull, type JsonObject } from '../core/json';

/**
 * The upstream status each error name stands for, chosen so that `upstreamErrorFromStatus` gives the
 * client status an OpenAI SDK expects: 5xx become 502 (retryable), 503 and 504 stay. The name decides
 * over the HTTP status, which Bedrock sets differently for some (ModelNotReady is sent as 429,
 * ModelTimeout as 408, ModelError and ModelStreamError as 424).
 */
export const BEDROCK_ERROR_STATUS: Readonly<Record<string, number>> = {
  ValidationException: 400,
  ConflictException: 409,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
  // "Resubmit your request later": a quota, retryable like a rate limit.
  ServiceQuotaExceededException: 429,
  ModelNotReadyException: 503,
  ServiceUnavailableException: 503,
  ModelTimeoutException: 504,
  InternalServerException: 500,
  InternalFailure: 500,
  ModelErrorException: 500,
  ModelStreamErrorException: 500,
  // AWS authentication failures: the gateway's credentials, reported as 403.
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  IncompleteSignatureException: 403,
  ExpiredTokenException: 403,
  MissingAuthenticationTokenException: 403,
};

/** `ThrottlingException:http://...`, `com.amazon.coral.service#ExpiredTokenException`, `throttlingException`. */
export function bedrockErrorName(raw: string | null | undefined): string | null {
  const name = raw?.split(':')[0]?.split('#').pop()?.trim();
  if (!name) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function messageOf(body: JsonObject | undefined): string | null {
  return stringOrNull(body?.message) ?? stringOrNull(body?.Message);
}

export function parseBedrockError(status: number, body: string, headers: Record<string, string>): UpstreamError {
  const parsed = parseJsonObject(body);
  const code = bedrockErrorName(headers['x-amzn-errortype'] ?? stringOrNull(parsed?.__type) ?? stringOrNull(parsed?.code));
  const effectiveStatus = (code && BEDROCK_ERROR_STATUS[code]) || status;
  return upstreamErrorFromStatus(effectiveStatus, { message: messageOf(parsed), code }, headers);
}

/**
 * A stream exception: the name from `:exception-type` (or `:error-code` for an error frame), the
 * message from the JSON payload `{"message"}` (or `:error-message`). Unknown names count as server errors.
 */
export function bedrockStreamError(exceptionType: string | null, payload: string, headerMessage: string | null = null): UpstreamError {
  const code = bedrockErrorName(exceptionType);
  const status = (code && BEDROCK_ERROR_STATUS[code]) || 500;
  const message = messageOf(parseJsonObject(payload)) ?? headerMessage ?? 'The upstream provider reported an error mid-stream';
  return upstreamErrorFromStatus(status, { message, code }, {});
}
