import type { UpstreamError } from '@ai-router/providers';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';

export function unsupported(operation: string, streamed: boolean): UpstreamError {
  return {
    status: 400, type: 'invalid_request_error', code: 'unsupported_operation', param: streamed ? 'stream' : null, retryable: true,
    message: `No provider of this model supports ${streamed ? 'streaming ' : ''}${operation} requests.`,
  };
}

export function allKeysResting(retryAfterSeconds: number): UpstreamError {
  return {
    status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', param: null, retryable: true, retryAfterSeconds,
    message: 'Every provider key of this model is rate limited; try again shortly.',
  };
}

/**
 * An upstream 401/403 is the gateway's credential problem, not the client's: answering 401 would make
 * SDKs blame the caller's key. Another deployment may still serve.
 */
export function providerCredentialError(): UpstreamError {
  return {
    status: 502, type: 'api_error', code: 'upstream_auth_failed', param: null, retryable: true,
    message: 'The provider rejected the gateway\'s credentials for this deployment.',
  };
}

export function malformed(): UpstreamError {
  return { status: 502, type: 'api_error', code: 'upstream_malformed_response', param: null, message: 'The upstream provider sent a malformed response.', retryable: true };
}

export function upstreamException(error: UpstreamError | null): AppException {
  if (!error) return new AppException(AppErrorCode.NoDeploymentAvailable, 'No provider could serve this request right now.');
  const code = error.status === 504 ? AppErrorCode.UpstreamTimeout
    : error.status === 429 ? AppErrorCode.RateLimited
    : error.status >= 500 ? AppErrorCode.UpstreamError
    : AppErrorCode.ValidationFailed;
  return new AppException(code, error.message, {
    status: error.status, param: error.param, openaiType: error.type, openaiCode: error.code, retryAfterSeconds: error.retryAfterSeconds,
  });
}
