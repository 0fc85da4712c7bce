/** Stable error codes of the gateway; the one table below maps each to its HTTP status. */
export enum AppErrorCode {
  ValidationFailed = 'validation_failed',
  InvalidApiKey = 'invalid_api_key',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid_credentials',
  Forbidden = 'forbidden',
  ModelNotAllowed = 'model_not_allowed',
  NotFound = 'not_found',
  ModelNotFound = 'model_not_found',
  Conflict = 'conflict',
  PayloadTooLarge = 'payload_too_large',
  RateLimited = 'rate_limit_exceeded',
  InsufficientQuota = 'insufficient_quota',
  UpstreamError = 'upstream_error',
  NoDeploymentAvailable = 'no_deployment_available',
  UpstreamTimeout = 'upstream_timeout',
  /** The gateway cannot take more work for now (its usage backlog is full); retry later. */
  Overloaded = 'overloaded',
  Internal = 'internal_error',
}

export const APP_ERROR_STATUS: Record<AppErrorCode, number> = {
  [AppErrorCode.ValidationFailed]: 400,
  [AppErrorCode.InvalidApiKey]: 401,
  [AppErrorCode.Unauthenticated]: 401,
  [AppErrorCode.InvalidCredentials]: 401,
  [AppErrorCode.Forbidden]: 403,
  [AppErrorCode.ModelNotAllowed]: 403,
  [AppErrorCode.NotFound]: 404,
  [AppErrorCode.ModelNotFound]: 404,
  [AppErrorCode.Conflict]: 409,
  [AppErrorCode.PayloadTooLarge]: 413,
  [AppErrorCode.RateLimited]: 429,
  [AppErrorCode.InsufficientQuota]: 429,
  [AppErrorCode.UpstreamError]: 502,
  [AppErrorCode.NoDeploymentAvailable]: 503,
  [AppErrorCode.UpstreamTimeout]: 504,
  [AppErrorCode.Overloaded]: 503,
  [AppErrorCode.Internal]: 500,
};

/** OpenAI `error.type` for each code, so official SDKs raise the matching exception class. */
export const OPENAI_ERROR_TYPE: Record<AppErrorCode, string> = {
  [AppErrorCode.ValidationFailed]: 'invalid_request_error',
  [AppErrorCode.InvalidApiKey]: 'invalid_request_error',
  [AppErrorCode.Unauthenticated]: 'invalid_request_error',
  [AppErrorCode.InvalidCredentials]: 'invalid_request_error',
  [AppErrorCode.Forbidden]: 'permission_error',
  [AppErrorCode.ModelNotAllowed]: 'permission_error',
  [AppErrorCode.NotFound]: 'invalid_request_error',
  [AppErrorCode.ModelNotFound]: 'invalid_request_error',
  [AppErrorCode.Conflict]: 'invalid_request_error',
  [AppErrorCode.PayloadTooLarge]: 'invalid_request_error',
  [AppErrorCode.RateLimited]: 'rate_limit_error',
  // As OpenAI answers an exhausted balance: 429 with type and code `insufficient_quota`.
  [AppErrorCode.InsufficientQuota]: 'insufficient_quota',
  [AppErrorCode.UpstreamError]: 'api_error',
  [AppErrorCode.NoDeploymentAvailable]: 'api_error',
  [AppErrorCode.UpstreamTimeout]: 'api_error',
  [AppErrorCode.Overloaded]: 'api_error',
  [AppErrorCode.Internal]: 'api_error',
};
