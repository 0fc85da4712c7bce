/**
 * Bedrock Runtime authentication (a SigV4-shaped Authorization header, checked for shape only) and
 * errors: a `{message}` body with the exception name in `x-amzn-errortype`, where AWS SDKs read it.
 */
import { headerValue } from '../auth';
import type { AuthRequest, AuthResult, ErrorDetails, WireFormat } from '../route';
import { exceptionMessage } from './event-stream';

/** The exception each status stands for in the Bedrock Runtime API reference. */
const EXCEPTIONS: Record<number, string> = {
  400: 'ValidationException',
  401: 'UnrecognizedClientException',
  403: 'AccessDeniedException',
  404: 'ResourceNotFoundException',
  408: 'ModelTimeoutException',
  424: 'ModelErrorException',
  429: 'ThrottlingException',
  500: 'InternalServerException',
  503: 'ServiceUnavailableException',
  504: 'ModelTimeoutException',
};

/** Mid-stream exceptions are members of the ConverseStream output union, hence camelCase. */
const STREAM_EXCEPTIONS: Record<number, string> = {
  400: 'validationException',
  429: 'throttlingException',
  500: 'internalServerException',
  503: 'serviceUnavailableException',
};

export function exceptionName(status: number, code?: string): string {
  return code ?? EXCEPTIONS[status] ?? (status >= 500 ? 'InternalServerException' : 'ValidationException');
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=[0-9a-f]{64}$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

function denied(message: string): AuthResult {
  return { ok: false, status: 403, message, code: 'AccessDeniedException' };
}

/**
 * Accepts an `AWS4-HMAC-SHA256` header scoped to the `bedrock` service with an `x-amz-date` of the
 * same day, without verifying the signature. With an api-key list the access key id must be in it.
 */
function authenticate({ headers }: AuthRequest, apiKeys: ReadonlySet<string> | undefined): AuthResult {
  const authorization = headerValue(headers, 'authorization');
  if (!authorization) return denied('Missing Authentication Token: a SigV4 Authorization header is required.');
  const parts = AUTHORIZATION.exec(authorization);
  if (!parts) {
    return denied(
      "Authorization header is not a SigV4 signature: expected 'AWS4-HMAC-SHA256 Credential=<key id>/<yyyymmdd>/<region>/bedrock/aws4_request, SignedHeaders=<names>, Signature=<64 hex>'.",
    );
  }
  const [, accessKeyId, date, region, service, signed] = parts;
  if (service !== 'bedrock') return denied(`Credential should be scoped to correct service: 'bedrock', not '${service}'.`);
  const signedHeaders = signed.split(';');
  if (!signedHeaders.includes('host')) return denied("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  const amzDate = headerValue(headers, 'x-amz-date') ?? '';
  const day = AMZ_DATE.exec(amzDate)?.[1];
  if (!day) return denied("Missing or malformed 'x-amz-date' header: expected YYYYMMDD'T'HHMMSS'Z'.");
  if (day !== date) return denied(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${day}'.`);
  if (apiKeys && !apiKeys.has(accessKeyId)) {
    return { ok: false, status: 403, message: 'The security token included in the request is invalid.', code: 'UnrecognizedClientException' };
  }
  return { ok: true, sigv4: { accessKeyId, date, region, service, signedHeaders } };
}

export const bedrockFormat: WireFormat = {
  authenticate,
  errorBody: (_status, message) => ({ message }),
  errorHeaders: (status, details?: ErrorDetails) => ({ 'x-amzn-errortype': exceptionName(status, details?.code) }),
  streamErrorFrame(message, status) {
    const type = status === undefined ? 'modelStreamErrorException' : (STREAM_EXCEPTIONS[status] ?? 'modelStreamErrorException');
    return exceptionMessage(type, message);
  },
};
