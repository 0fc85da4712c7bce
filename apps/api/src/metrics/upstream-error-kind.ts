import type { UpstreamError } from '@ai-router/providers';

/** What went wrong upstream, as a small fixed set: the `kind` label of ai_router_upstream_errors_total. */
export type UpstreamErrorKind =
  | 'timeout' | 'connect' | 'rate_limited' | 'auth' | 'content_filter' | 'malformed' | 'stream_interrupted' | 'http_5xx' | 'http_4xx';

const BY_CODE: Readonly<Record<string, UpstreamErrorKind>> = {
  upstream_timeout: 'timeout',
  upstream_unreachable: 'connect',
  upstream_host_not_allowed: 'connect',
  upstream_auth_failed: 'auth',
  content_filter: 'content_filter',
  upstream_malformed_response: 'malformed',
  invalid_upstream_response: 'malformed',
  upstream_stream_truncated: 'stream_interrupted',
};

/**
 * Classifies an upstream failure by the code the client layer or adapter gave it, else by the status
 * the client will see (adapters keep upstream 4xx, map server failures to 502/503 and timeouts to 504).
 */
export function upstreamErrorKind(error: Pick<UpstreamError, 'status' | 'code'>): UpstreamErrorKind {
  const byCode = error.code ? BY_CODE[error.code] : undefined;
  if (byCode) return byCode;
  if (error.status === 429) return 'rate_limited';
  if (error.status === 504 || error.status === 408) return 'timeout';
  if (error.status === 401 || error.status === 403) return 'auth';
  return error.status >= 500 ? 'http_5xx' : 'http_4xx';
}
