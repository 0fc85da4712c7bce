import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import { tokenSubject, type TokenStore } from './api/token-store';

const MAX_RETRIES = 2;

/** Client errors (4xx) will not change on retry; network and server errors might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < MAX_RETRIES;
}

export function createQueryClient(tokens: TokenStore): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  // Cached data belongs to whoever was signed in: drop it whenever the token changes hands. A refreshed
  // token of the same user keeps the cache, so pages do not flash back to loading every hour.
  let subject = tokenSubject(tokens.get());
  tokens.subscribe(() => {
    const next = tokenSubject(tokens.get());
    if (next !== subject) client.removeQueries();
    subject = next;
  });
  return client;
}
