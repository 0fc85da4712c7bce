import { describe, expect, it } from 'vitest';
import { itCopesWithForeignBody, itMapsErrorTable } from '../core/__fixtures__/error-tables';
import { geminiStreamError, parseGeminiError } from './gemini-error';

const body = (code: number, status: string, message: string, details?: unknown[]) =>
  JSON.stringify({ error: { code, message, status, ...(details ? { details } : {}) } });

describe('parseGeminiError', () => {
  itMapsErrorTable(
    [
      [400, 'INVALID_ARGUMENT', 400, 'invalid_request_error', false],
      [400, 'FAILED_PRECONDITION', 400, 'invalid_request_error', false],
      [401, 'UNAUTHENTICATED', 401, 'authentication_error', false],
      [403, 'PERMISSION_DENIED', 403, 'permission_error', false],
      [404, 'NOT_FOUND', 404, 'not_found_error', false],
      [429, 'RESOURCE_EXHAUSTED', 429, 'rate_limit_error', true],
      [500, 'INTERNAL', 502, 'api_error', true],
      [503, 'UNAVAILABLE', 503, 'api_error', true],
      [504, 'DEADLINE_EXCEEDED', 504, 'api_error', true],
    ],
    (status, googleStatus) => parseGeminiError(status, body(status, googleStatus, 'details'), {}),
  );

  it('takes the wait from RetryInfo when there is no Retry-After header', () => {
    const quota = body(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota, please check your plan and billing details.', [
      {
        '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
        violations: [{ quotaMetric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests', quotaId: 'GenerateRequestsPerMinutePerProjectPerModel-FreeTier' }],
      },
      { '@type': 'type.googleapis.com/google.rpc.Help', links: [{ description: 'Learn more about Gemini API quotas', url: 'https://ai.google.dev/gemini-api/docs/rate-limits' }] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '26.5s' },
    ]);
    expect(parseGeminiError(429, quota, {})).toMatchObject({ status: 429, type: 'rate_limit_error', retryable: true, retryAfterSeconds: 27 });
    expect(parseGeminiError(429, quota, { 'retry-after': '3' })).toMatchObject({ retryAfterSeconds: 3 });
  });

  it('treats an invalid API key (HTTP 400) as the credential failure it is', () => {
    const invalidKey = body(400, 'INVALID_ARGUMENT', 'API key not valid. Please pass a valid API key.', [
      { '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com', metadata: { service: 'generativelanguage.googleapis.com' } },
      { '@type': 'type.googleapis.com/google.rpc.LocalizedMessage', locale: 'en-US', message: 'API key not valid. Please pass a valid API key.' },
    ]);
    expect(parseGeminiError(400, invalidKey, {})).toEqual({
      status: 401,
      type: 'authentication_error',
      code: 'API_KEY_INVALID',
      param: null,
      message: 'API key not valid. Please pass a valid API key.',
      retryable: false,
    });
  });

  it('reads the array-wrapped error of streaming endpoints', () => {
    const wrapped = `[${body(404, 'NOT_FOUND', 'models/gemini-9 is not found for API version v1beta.')}]`;
    expect(parseGeminiError(404, wrapped, {})).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'models/gemini-9 is not found for API version v1beta.' });
  });

  itCopesWithForeignBody(parseGeminiError, 'a Google error');
});

describe('geminiStreamError', () => {
  it.each([
    [{ code: 503, status: 'UNAVAILABLE' }, 503, true, 'UNAVAILABLE'],
    [{ code: 429, status: 'RESOURCE_EXHAUSTED' }, 429, true, 'RESOURCE_EXHAUSTED'],
    [{ code: 400, status: 'INVALID_ARGUMENT' }, 400, false, 'INVALID_ARGUMENT'],
    [{ status: 'DEADLINE_EXCEEDED' }, 504, true, 'DEADLINE_EXCEEDED'],
    [{ status: 'SOMETHING_NEW' }, 502, true, 'SOMETHING_NEW'],
    [{}, 502, true, null],
  ])('maps %j to %i (retryable %s)', (error, status, retryable, code) => {
    expect(geminiStreamError({ error: { message: 'm', ...error } })).toMatchObject({ status, retryable, code });
  });
});
