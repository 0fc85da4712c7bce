import { describe, expect, it } from 'vitest';
import { itCopesWithForeignBody, itMapsErrorTable } from '../core/__fixtures__/error-tables';
import { anthropicStreamError, parseAnthropicError } from './anthropic-error';

const body = (type: string, message: string) => JSON.stringify({ type: 'error', error: { type, message }, request_id: 'req_011CSHoEeqs5C35K2UUqR7Fy' });

describe('parseAnthropicError', () => {
  itMapsErrorTable(
    [
      [400, 'invalid_request_error', 400, 'invalid_request_error', false],
      [401, 'authentication_error', 401, 'authentication_error', false],
      [402, 'billing_error', 402, 'invalid_request_error', false],
      [403, 'permission_error', 403, 'permission_error', false],
      [404, 'not_found_error', 404, 'not_found_error', false],
      [413, 'request_too_large', 413, 'invalid_request_error', false],
      [429, 'rate_limit_error', 429, 'rate_limit_error', true],
      [500, 'api_error', 502, 'api_error', true],
      [504, 'timeout_error', 504, 'api_error', true],
      [529, 'overloaded_error', 503, 'api_error', true],
    ],
    (status, anthropicType) => parseAnthropicError(status, body(anthropicType, 'details'), {}),
  );

  it('carries retry-after', () => {
    const error = parseAnthropicError(429, body('rate_limit_error', 'Number of request tokens has exceeded your per-minute rate limit'), { 'retry-after': '17' });
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 17 });
  });

  itCopesWithForeignBody(parseAnthropicError, 'an Anthropic error');
});

describe('anthropicStreamError', () => {
  it.each([
    ['overloaded_error', 503, true],
    ['api_error', 502, true],
    ['rate_limit_error', 429, true],
    ['invalid_request_error', 400, false],
    ['something_new', 502, true],
  ])('maps %s to %i (retryable %s)', (type, status, retryable) => {
    expect(anthropicStreamError({ type: 'error', error: { type, message: 'm' } })).toMatchObject({ status, retryable, code: type });
  });
});
