import { describe, expect, it } from 'vitest';
import { readFixture } from '../core/__fixtures__/stream-harness';
import { azureOpenAIAdapter } from './azure-openai.adapter';

const parseError = azureOpenAIAdapter.parseError;
const azureBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe('Azure OpenAI errors', () => {
  it('maps a chat content-filter rejection to a 400 content_filter without the policy dump', () => {
    const error = parseError(400, readFixture(__dirname, 'content-filter-error.json'), {});
    expect(error).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'content_filter',
      param: 'prompt',
      message:
        'The request was rejected by the Azure OpenAI content filter (filtered categories: jailbreak, violence). Modify the prompt and retry.',
      retryable: false,
    });
    expect(error.message).not.toMatch(/severity|ResponsibleAIPolicyViolation|fwlink/);
  });

  it("maps DALL·E's contentFilter rejection (inner_error, content_filter_results) the same way", () => {
    expect(parseError(400, readFixture(__dirname, 'image-content-filter-error.json'), {})).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'content_filter',
      param: null,
      message: 'The request was rejected by the Azure OpenAI content filter (filtered categories: sexual). Modify the prompt and retry.',
      retryable: false,
    });
  });

  it('recognises a rejection by its inner code alone and copes without categories', () => {
    const body = JSON.stringify({ error: { code: 'invalid_request_error', message: 'filtered', innererror: { code: 'ResponsibleAIPolicyViolation' } } });
    expect(parseError(400, body, {})).toMatchObject({
      status: 400,
      code: 'content_filter',
      message: 'The request was rejected by the Azure OpenAI content filter. Modify the prompt and retry.',
    });
  });

  it.each([
    [
      'retry-after-ms wins over retry-after',
      { 'retry-after-ms': '2500', 'retry-after': '9' },
      'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current AIServices S0 pricing tier. Please retry after 9 seconds.',
      3,
    ],
    ['retry-after alone', { 'retry-after': '12' }, 'Rate limit is exceeded. Try again in 12 seconds.', 12],
    [
      'the message when no header came',
      {},
      'Requests to the Embeddings_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second.',
      1,
    ],
  ])('maps a 429 with %s', (_name, headers, message, retryAfterSeconds) => {
    expect(parseError(429, azureBody('429', message), headers)).toEqual({
      status: 429,
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
      param: null,
      message,
      retryable: true,
      retryAfterSeconds,
    });
  });

  it.each([
    [
      401,
      azureBody('401', 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.'),
      { status: 401, type: 'authentication_error', code: 'invalid_api_key', retryable: false },
    ],
    [
      401,
      JSON.stringify({ statusCode: 401, message: 'Unauthorized. Access token is missing, invalid, audience is incorrect, or have expired.' }),
      { status: 401, code: 'invalid_api_key', message: 'Unauthorized. Access token is missing, invalid, audience is incorrect, or have expired.' },
    ],
    [403, azureBody('403', 'Access denied due to Virtual Network/Firewall rules.'), { status: 403, type: 'permission_error', code: null }],
    [
      404,
      azureBody('DeploymentNotFound', 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.'),
      { status: 404, type: 'not_found_error', code: 'model_not_found', retryable: false },
    ],
    [400, azureBody('OperationNotSupported', 'The chatCompletion operation does not work with the specified model, dall-e-3.'), { status: 400, code: 'OperationNotSupported' }],
    [500, azureBody('InternalServerError', 'The server had an error processing your request.'), { status: 502, code: 'InternalServerError', retryable: true }],
    [503, '', { status: 503, type: 'api_error', code: null, retryable: true }],
  ])('maps HTTP %i', (status, body, expected) => {
    expect(parseError(status, body, {})).toMatchObject(expected);
  });
});
