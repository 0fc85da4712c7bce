import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';
import type { TokenStore } from './api/token-store';

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
  // Cached data belongs to whoever was signed in: drop it whenever the token changes hands.
  tokens.subscribe(() => client.removeQueries());
  return client;
}
