/** OpenAI authentication (`Authorization: Bearer`) and error envelope `{error:{message,type,param,code}}`. */
import { bearerToken, keyAuth } from '../auth';
import type { WireFormat } from '../route';
import { sseData } from '../sse';

interface ErrorKind {
  type: string;
  code: string | null;
}

/** The type/code pairs the OpenAI API sends for each status, so SDK error classes map correctly. */
const KINDS: Record<number, ErrorKind> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'permission_denied' },
  404: { type: 'invalid_request_error', code: 'not_found' },
  408: { type: 'server_error', code: 'timeout' },
  409: { type: 'invalid_request_error', code: 'conflict' },
  413: { type: 'invalid_request_error', code: 'request_too_large' },
  422: { type: 'invalid_request_error', code: null },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
  500: { type: 'server_error', code: 'server_error' },
  502: { type: 'server_error', code: 'bad_gateway' },
  503: { type: 'server_error', code: 'service_unavailable' },
  504: { type: 'server_error', code: 'timeout' },
};

function kind(status: number): ErrorKind {
  return KINDS[status] ?? (status >= 500 ? KINDS[500] : KINDS[400]);
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: null; code: string | null };
}

export function openaiError(status: number, message: string): OpenAIErrorBody {
  const { type, code } = kind(status);
  return { error: { message, type, param: null, code } };
}

export const openaiFormat: WireFormat = {
  authenticate: keyAuth(({ headers }) => bearerToken(headers)),
  errorBody: (status, message) => openaiError(status, message),
  // The OpenAI SDKs throw an APIError when a data frame carries an `error` member.
  streamErrorFrame(message, status = 500) {
    return sseData(openaiError(status, message));
  },
};
