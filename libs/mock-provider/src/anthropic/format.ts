/** Anthropic authentication (`x-api-key`) and error envelope `{type:'error', error:{type, message}}`. */
import { headerValue, keyAuth } from '../auth';
import type { WireFormat } from '../route';
import { sseEvent } from '../sse';

/** Error types the Messages API documents per status. */
const TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

function errorType(status: number): string {
  return TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

export function anthropicError(status: number, message: string): { type: 'error'; error: { type: string; message: string } } {
  return { type: 'error', error: { type: errorType(status), message } };
}

export const anthropicFormat: WireFormat = {
  authenticate: keyAuth(({ headers }) => headerValue(headers, 'x-api-key')),
  errorBody: (status, message) => anthropicError(status, message),
  // Mid-stream failures arrive as an `error` event after a 200, the way an overloaded API sends them.
  streamErrorFrame(message, status = 529) {
    return sseEvent('error', anthropicError(status, message));
  },
};
