import { readSetting, writeSetting } from '../lib/local-setting';

export interface TokenStore {
  get(): string | null;
  /** Replaces the access token only (the refresh token, if any, stays). */
  set(token: string): void;
  /** The single-use token that buys a new access token once the current one expires. */
  getRefresh(): string | null;
  /** Sign-in, invite acceptance and each refresh: both tokens change together. */
  setSession(accessToken: string, refreshToken: string | null): void;
  clear(): void;
  /** Called on every change of the access token, including sign-in or sign-out in another tab. */
  subscribe(listener: () => void): () => void;
}

const TOKEN_KEY = 'airouter.accessToken';

/** Holds the console tokens; React reads the access token through useSyncExternalStore. */
export function createTokenStore(key = TOKEN_KEY): TokenStore {
  const refreshKey = `${key}.refresh`;
  let current = readSetting(key);
  let refresh = readSetting(refreshKey);
  const listeners = new Set<() => void>();
  const update = (token: string | null) => {
    if (token === current) return;
    current = token;
    listeners.forEach((listener) => listener());
  };

  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key === refreshKey || event.key === null) refresh = readSetting(refreshKey);
    if (event.key === key || event.key === null) update(readSetting(key));
  });

  return {
    get: () => current,
    set(token) {
      writeSetting(key, token);
      update(token);
    },
    getRefresh: () => refresh,
    setSession(accessToken, refreshToken) {
      refresh = refreshToken;
      writeSetting(refreshKey, refreshToken);
      writeSetting(key, accessToken);
      update(accessToken);
    },
    clear() {
      refresh = null;
      writeSetting(refreshKey, null);
      writeSetting(key, null);
      update(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The user a token belongs to (its `sub` claim), to tell a refreshed token from another user's. */
export function tokenSubject(token: string | null): string | null {
  if (!token) return null;
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const sub = (JSON.parse(json) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : token;
  } catch {
    return token;
  }
}

export const tokenStore = createTokenStore();
