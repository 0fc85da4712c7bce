import { describe, expect, it } from 'vitest';
import { upstreamErrorKind } from './upstream-error-kind';

describe('upstreamErrorKind', () => {
  it('prefers the code the transport or adapter gave', () => {
    expect(upstreamErrorKind({ status: 504, code: 'upstream_timeout' })).toBe('timeout');
    expect(upstreamErrorKind({ status: 502, code: 'upstream_unreachable' })).toBe('connect');
    expect(upstreamErrorKind({ status: 502, code: 'upstream_auth_failed' })).toBe('auth');
    expect(upstreamErrorKind({ status: 400, code: 'content_filter' })).toBe('content_filter');
    expect(upstreamErrorKind({ status: 502, code: 'upstream_stream_truncated' })).toBe('stream_interrupted');
    expect(upstreamErrorKind({ status: 502, code: 'invalid_upstream_response' })).toBe('malformed');
  });

  it('falls back to the status class', () => {
    expect(upstreamErrorKind({ status: 429, code: 'rate_limit_exceeded' })).toBe('rate_limited');
    expect(upstreamErrorKind({ status: 502, code: null })).toBe('http_5xx');
    expect(upstreamErrorKind({ status: 503, code: 'overloaded' })).toBe('http_5xx');
    expect(upstreamErrorKind({ status: 504, code: null })).toBe('timeout');
    expect(upstreamErrorKind({ status: 403, code: null })).toBe('auth');
    expect(upstreamErrorKind({ status: 400, code: 'invalid_value' })).toBe('http_4xx');
  });
});
