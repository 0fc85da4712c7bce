import { describe, expect, it } from 'vitest';
import { AdapterRequestError, clientStatusFor, isRetryableStatus, upstreamErrorFromStatus } from './errors';

describe('upstream status policy', () => {
  it.each([
    [400, 400, false],
    [401, 401, false],
    [403, 403, false],
    [404, 404, false],
    [408, 504, true],
    [409, 409, true],
    [413, 413, false],
    [422, 422, false],
    [429, 429, true],
    [500, 502, true],
    [502, 502, true],
    [503, 503, true],
    [504, 504, true],
    [529, 503, true],
    [302, 502, false],
  ])('upstream %i -> client %i, retryable %s', (upstream, client, retryable) => {
    expect(clientStatusFor(upstream)).toBe(client);
    expect(isRetryableStatus(upstream)).toBe(retryable);
  });

  it('fills type and message from the status when the body had none', () => {
    expect(upstreamErrorFromStatus(429, {}, { 'retry-after': '5' })).toEqual({
      status: 429,
      type: 'rate_limit_error',
      code: null,
      param: null,
      message: 'The upstream provider answered HTTP 429',
      retryable: true,
      retryAfterSeconds: 5,
    });
  });
});

describe('AdapterRequestError', () => {
  it('is a 400 naming the param', () => {
    const error = new AdapterRequestError('n', 'n must be 1', 'invalid_value');
    expect(error).toBeInstanceOf(Error);
    expect(error.toUpstreamError()).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'invalid_value',
      param: 'n',
      message: 'n must be 1',
      retryable: false,
    });
  });
});
