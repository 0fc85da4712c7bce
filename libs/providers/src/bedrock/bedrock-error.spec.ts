import { describe, expect, it } from 'vitest';
import { itCopesWithForeignBody, itMapsErrorTable } from '../core/__fixtures__/error-tables';
import { bedrockErrorName, bedrockStreamError } from './bedrock-error';
import { bedrockAdapter } from './bedrock.adapter';

const CORAL = 'http://internal.amazon.com/coral/com.amazon.bedrock/';
const header = (type: string) => ({ 'x-amzn-errortype': `${type}:${CORAL}`, 'x-amzn-requestid': '5d7c8e2a-0000-4000-8000-000000000000' });
const parse = bedrockAdapter.parseError;

describe('bedrockAdapter.parseError', () => {
  itMapsErrorTable(
    [
      // HTTP status as Bedrock sends it, error name, client status, OpenAI type, retryable
      [400, 'ValidationException', 400, 'invalid_request_error', false],
      [400, 'ServiceQuotaExceededException', 429, 'rate_limit_error', true],
      [403, 'AccessDeniedException', 403, 'permission_error', false],
      [403, 'UnrecognizedClientException', 403, 'permission_error', false],
      [404, 'ResourceNotFoundException', 404, 'not_found_error', false],
      [408, 'ModelTimeoutException', 504, 'api_error', true],
      [424, 'ModelErrorException', 502, 'api_error', true],
      [429, 'ThrottlingException', 429, 'rate_limit_error', true],
      [429, 'ModelNotReadyException', 503, 'api_error', true],
      [500, 'InternalServerException', 502, 'api_error', true],
      [503, 'ServiceUnavailableException', 503, 'api_error', true],
      [418, 'SomeFutureException', 418, 'invalid_request_error', false],
    ],
    (status, name) => parse(status, JSON.stringify({ message: 'details' }), header(name)),
  );

  it('carries retry-after', () => {
    const error = parse(429, '{"message":"Too many requests, please wait before trying again."}', { ...header('ThrottlingException'), 'retry-after': '7' });
    expect(error).toMatchObject({ status: 429, retryable: true, retryAfterSeconds: 7, message: 'Too many requests, please wait before trying again.' });
  });

  it('reads the error name from the body when the header is missing, and `Message` as well as `message`', () => {
    const body = JSON.stringify({ __type: 'com.amazon.coral.service#ExpiredTokenException', Message: 'The security token included in the request is expired' });
    expect(parse(400, body, {})).toEqual({
      status: 403,
      type: 'permission_error',
      code: 'ExpiredTokenException',
      param: null,
      message: 'The security token included in the request is expired',
      retryable: false,
    });
  });

  itCopesWithForeignBody(parse, 'a Bedrock error');
});

describe('bedrockErrorName', () => {
  it.each([
    [`ThrottlingException:${CORAL}`, 'ThrottlingException'],
    ['com.amazon.coral.validate#ValidationException', 'ValidationException'],
    ['modelStreamErrorException', 'ModelStreamErrorException'],
    ['', null],
    [null, null],
  ])('reads %j as %j', (raw, name) => {
    expect(bedrockErrorName(raw)).toBe(name);
  });
});

describe('bedrockStreamError', () => {
  it('prefers the payload message, then the header message, then a generic one', () => {
    expect(bedrockStreamError('throttlingException', '{"message":"slow down"}', 'header')).toMatchObject({ message: 'slow down', status: 429 });
    expect(bedrockStreamError('InternalFailure', '', 'header')).toMatchObject({ message: 'header', status: 502 });
    expect(bedrockStreamError(null, '')).toEqual({
      status: 502,
      type: 'api_error',
      code: null,
      param: null,
      message: 'The upstream provider reported an error mid-stream',
      retryable: true,
    });
  });
});
