/** Test helpers for the translating families' error-mapping tables (HTTP answers -> UpstreamError). */
import { expect, it } from 'vitest';
import type { ProviderAdapter, UpstreamError } from '../adapter.types';

/** Upstream HTTP status, the provider's error name, then what the client gets: status, OpenAI type, retryable. */
export type ErrorMappingRow = [status: number, name: string, clientStatus: number, type: string, retryable: boolean];

/**
 * One test per row. `answer` builds the provider's error (message 'details') for a status and name
 * and parses it; the name must stay visible as `code`.
 */
export function itMapsErrorTable(rows: ErrorMappingRow[], answer: (status: number, name: string) => UpstreamError): void {
  it.each(rows)('maps HTTP %i %s to %i %s', (status, name, clientStatus, type, retryable) => {
    expect(answer(status, name)).toEqual({ status: clientStatus, type, code: name, param: null, message: 'details', retryable });
  });
}

/** A body in no provider format (a proxy's HTML page) is mapped from the status alone. */
export function itCopesWithForeignBody(parseError: ProviderAdapter['parseError'], what: string): void {
  it(`copes with a body that is not ${what}`, () => {
    expect(parseError(502, '<html>Bad Gateway</html>', {})).toEqual({
      status: 502,
      type: 'api_error',
      code: null,
      param: null,
      message: 'The upstream provider answered HTTP 502',
      retryable: true,
    });
  });
}
