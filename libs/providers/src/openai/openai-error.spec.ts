import { describe, expect, it } from 'vitest';
import { openAIStreamError, parseOpenAIError } from './openai-error';

const openAIBody = (type: string, code: string | null, message = 'boom', param: string | null = null) =>
  JSON.stringify({ error: { message, type, param, code } });

describe('parseOpenAIError', () => {
  it.each([
    [400, openAIBody('invalid_request_error', 'context_length_exceeded', 'too long', 'messages'), {}, { status: 400, type: 'invalid_request_error', code: 'context_length_exceeded', param: 'messages', message: 'too long', retryable: false }],
    [401, openAIBody('invalid_request_error', 'invalid_api_key', 'Incorrect API key provided'), {}, { status: 401, type: 'invalid_request_error', code: 'invalid_api_key', param: null, message: 'Incorrect API key provided', retryable: false }],
    [403, openAIBody('invalid_request_error', 'unsupported_country_region_territory'), {}, { status: 403, retryable: false }],
    [404, openAIBody('invalid_request_error', 'model_not_found'), {}, { status: 404, code: 'model_not_found', retryable: false }],
    [429, openAIBody('requests', 'rate_limit_exceeded'), { 'retry-after': '20' }, { status: 429, type: 'requests', retryable: true, retryAfterSeconds: 20 }],
    [429, openAIBody('insufficient_quota', 'insufficient_quota'), { 'retry-after-ms': '1500', 'retry-after': '9' }, { status: 429, retryable: true, retryAfterSeconds: 2 }],
    [500, openAIBody('server_error', null), {}, { status: 502, type: 'server_error', retryable: true }],
    [502, '<html><body>502 Bad Gateway</body></html>', {}, { status: 502, type: 'api_error', code: null, message: 'The upstream provider answered HTTP 502', retryable: true }],
    [503, openAIBody('server_error', null, 'overloaded'), { 'retry-after': '3' }, { status: 503, retryable: true, retryAfterSeconds: 3 }],
    [504, '', {}, { status: 504, type: 'api_error', retryable: true }],
  ])('maps HTTP %i', (status, body, headers, expected) => {
    expect(parseOpenAIError(status, body, headers)).toMatchObject(expected);
  });

  it.each([
    ['FastAPI detail (vLLM, LiteLLM)', 404, '{"detail":"Not Found"}', { status: 404, type: 'not_found_error', message: 'Not Found', code: null }],
    ['string error (Ollama)', 404, '{"error":"model \\"llama3\\" not found, try pulling it first"}', { status: 404, message: 'model "llama3" not found, try pulling it first' }],
    ['flat error object (vLLM)', 400, '{"object":"error","message":"max_tokens is too large","type":"BadRequestError","param":null,"code":400}', { status: 400, type: 'BadRequestError', code: '400', message: 'max_tokens is too large' }],
  ])('reads vendor variant: %s', (_name, status, body, expected) => {
    expect(parseOpenAIError(status, body, {})).toMatchObject(expected);
  });
});

describe('openAIStreamError', () => {
  it.each([
    [{ type: 'server_error', code: null }, 502, true],
    [{ type: 'tokens', code: 'rate_limit_exceeded' }, 429, true],
    [{ type: 'invalid_request_error', code: 'context_length_exceeded' }, 400, false],
    [{ type: 'authentication_error', code: null }, 401, false],
    [{ type: 'overloaded_error', code: null }, 503, true],
  ])('maps %j to %i', (fields, status, retryable) => {
    expect(openAIStreamError({ error: { message: 'm', param: null, ...fields } })).toMatchObject({ status, retryable, message: 'm' });
  });
});
