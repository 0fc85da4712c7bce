import { useMutation, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { tokenStore } from '../api/token-store';
import type { LoginCredentials } from './login-validation';
import type { LoginResponse, SessionUser } from './session.types';

export const sessionQueryKey = ['auth', 'me'] as const;

/** The current access token; re-renders on sign-in, sign-out, a rejected token, or another tab. */
export function useAccessToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
}

/** The signed-in user and their orgs. A 401 clears the token in the API client, which shows the login page. */
export function useSession(enabled: boolean) {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => api.get<SessionUser>('/api/auth/me', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: LoginCredentials) => api.post<LoginResponse>('/api/auth/login', credentials),
    onSuccess: ({ accessToken }) => tokenStore.set(accessToken),
  });
}

/** Tokens are stateless JWTs, so signing out is forgetting the token; the query cache is dropped with it. */
export function signOut(): void {
  tokenStore.clear();
}
