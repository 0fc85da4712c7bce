import { readSetting, writeSetting } from '../lib/local-setting';

export interface TokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
  /** Called on every change, including sign-in or sign-out in another tab. */
  subscribe(listener: () => void): () => void;
}

const TOKEN_KEY = 'airouter.accessToken';

/** Holds the console access token; React reads it through useSyncExternalStore. */
export function createTokenStore(key = TOKEN_KEY): TokenStore {
  let current = readSetting(key);
  const listeners = new Set<() => void>();
  const update = (token: string | null) => {
    if (token === current) return;
    current = token;
    listeners.forEach((listener) => listener());
  };

  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key === key || event.key === null) update(readSetting(key));
  });

  return {
    get: () => current,
    set(token) {
      writeSetting(key, token);
      update(token);
    },
    clear() {
      writeSetting(key, null);
      update(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const tokenStore = createTokenStore();
