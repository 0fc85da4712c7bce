/**
 * Gemini API (Generative Language) authentication (`x-goog-api-key` or `?key=`), the Google error
 * envelope `{error:{code, message, status, details?}}` and its SSE framing.
 */
import { headerValue, keyAuth } from '../auth';
import type { ErrorDetails, WireFormat } from '../route';

/** google.rpc.Code names per HTTP status, as the API reports them in `error.status`. */
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'UNIMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export interface GoogleError {
  error: { code: number; message: string; status: string; details?: unknown[] };
}

export function googleError(status: number, message: string, details?: ErrorDetails): GoogleError {
  const name = STATUS_NAMES[status] ?? (status >= 500 ? 'INTERNAL' : 'INVALID_ARGUMENT');
  const error: GoogleError['error'] = { code: status, message, status: name };
  // Clients read the reason of a key failure and the retry delay of a quota error from `details`.
  if (status === 401) {
    error.details = [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
    ];
  } else if (details?.retryAfterSeconds !== undefined) {
    error.details = [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${details.retryAfterSeconds}s` }];
  }
  return { error };
}

/** The API ends SSE lines with CRLF; parsers that only split on `\n\n` break on it, as they would in production. */
export function geminiFrame(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\r\n\r\n`;
}

export const geminiFormat: WireFormat = {
  authenticate: keyAuth(
    ({ headers, query }) => headerValue(headers, 'x-goog-api-key') ?? query.get('key') ?? undefined,
    'API key not valid. Please pass a valid API key.',
  ),
  errorBody: googleError,
  // A stream that fails after the 200 carries one last frame with the error object, then ends.
  streamErrorFrame(message, status = 500) {
    return geminiFrame(googleError(status, message));
  },
};
