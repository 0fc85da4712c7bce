import { useMutation, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../api/client';
import { tokenStore } from '../api/token-store';
import { redirect } from '../router/history';
import type { LoginCredentials } from './login-validation';
import type { LoginResponse, SessionUser } from './session.types';

export const sessionQueryKey = ['auth', 'me'] as const;

/** The current access token; re-renders on sign-in, sign-out, a rejected token, or another tab. */
export function useAccessToken(): string | null {
  return useSyncExternalStore(tokenStore.subscribe, tokenStore.get);
}

/** The signed-in user and their orgs. A 401 (after one refresh) clears the token, which shows the login page. */
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
    onSuccess: ({ accessToken, refreshToken }) => tokenStore.setSession(accessToken, refreshToken ?? null),
  });
}

/** Ends the session on the server (best effort) and forgets the tokens; the query cache is dropped with them. */
export function signOut(): void {
  const token = tokenStore.get();
  tokenStore.clear();
  redirect('/');
  if (!token) return;
  // The client would clear tokens on its own; this call only tells the API the refresh token is dead.
  void globalThis.fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${token}` } }).catch(() => undefined);
}
