/** Error types and the upstream-status policy shared by every adapter. */
import type { UpstreamError } from './adapter.types';
import { parseRetryAfter } from './retry-after';

/**
 * The client's request cannot be translated faithfully for this provider family (unsupported or
 * out-of-range parameter). Thrown by `buildRequest`; the gateway answers 400 with `param`.
 */
export class AdapterRequestError extends Error {
  readonly status = 400;
  readonly type = 'invalid_request_error';

  constructor(
    readonly param: string | null,
    message: string,
    readonly code: string = 'unsupported_parameter',
  ) {
    super(message);
    this.name = 'AdapterRequestError';
  }

  toUpstreamError(): UpstreamError {
    return {
      status: this.status,
      type: this.type,
      code: this.code,
      param: this.param,
      message: this.message,
      retryable: false,
    };
  }
}

/** A 2xx upstream body the adapter cannot read. Thrown by `transformResponse`. */
export class UpstreamResponseError extends Error {
  constructor(readonly error: UpstreamError) {
    super(error.message);
    this.name = 'UpstreamResponseError';
  }
}

export function invalidUpstreamResponse(detail: string): UpstreamError {
  return {
    status: 502,
    type: 'api_error',
    code: 'invalid_upstream_response',
    param: null,
    message: `The upstream provider returned an invalid response: ${detail}`,
    retryable: true,
  };
}

/**
 * The status a client sees for an upstream status: request problems keep their 4xx, server-side
 * failures become 502 (bad gateway), except unavailability (503/529) and timeouts (408/504).
 */
export function clientStatusFor(upstreamStatus: number): number {
  if (upstreamStatus === 503 || upstreamStatus === 529) return 503;
  if (upstreamStatus === 408 || upstreamStatus === 504) return 504;
  if (upstreamStatus >= 400 && upstreamStatus < 500) return upstreamStatus;
  return 502;
}

export function isRetryableStatus(upstreamStatus: number): boolean {
  return upstreamStatus === 408 || upstreamStatus === 409 || upstreamStatus === 429 || upstreamStatus >= 500;
}

/** OpenAI's error `type` for a client status, used when the upstream gave none we can keep. */
export function errorTypeForStatus(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'api_error';
  return 'invalid_request_error';
}

export interface UpstreamErrorFields {
  message?: string | null;
  type?: string | null;
  code?: string | null;
  param?: string | null;
}

/** Builds an UpstreamError for a non-2xx answer from the fields the provider's error body carried. */
export function upstreamErrorFromStatus(
  upstreamStatus: number,
  fields: UpstreamErrorFields,
  headers: Record<string, string>,
): UpstreamError {
  const status = clientStatusFor(upstreamStatus);
  const error: UpstreamError = {
    status,
    type: fields.type ?? errorTypeForStatus(status),
    code: fields.code ?? null,
    param: fields.param ?? null,
    message: fields.message || `The upstream provider answered HTTP ${upstreamStatus}`,
    retryable: isRetryableStatus(upstreamStatus),
  };
  const retryAfterSeconds = parseRetryAfter(headers);
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  return error;
}
