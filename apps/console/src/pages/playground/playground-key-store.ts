import { useSyncExternalStore } from 'react';
import { tokenStore, tokenSubject } from '../../api/token-store';

export interface PlaygroundKey {
  secret: string;
  /** Set when the console created the key, so it can offer to revoke it. */
  keyId: string | null;
  display: string;
}

/**
 * The playground's API key per org, in memory only: never in storage, gone on reload or sign-out.
 * Keys are shown once, so the console cannot fetch it again either.
 */
const keys = new Map<string, PlaygroundKey>();
const listeners = new Set<() => void>();
let version = 0;

function changed() {
  version += 1;
  listeners.forEach((l) => l());
}

export const playgroundKeys = {
  get: (orgId: string) => keys.get(orgId) ?? null,
  set(orgId: string, key: PlaygroundKey) {
    keys.set(orgId, key);
    changed();
  },
  forget(orgId: string) {
    keys.delete(orgId);
    changed();
  },
  clear() {
    keys.clear();
    changed();
  },
};

export function usePlaygroundKey(orgId: string): PlaygroundKey | null {
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => version,
  );
  return playgroundKeys.get(orgId);
}

// Keys belong to whoever was signed in: forget them when the session ends or changes hands.
let subject = tokenSubject(tokenStore.get());
tokenStore.subscribe(() => {
  const next = tokenSubject(tokenStore.get());
  if (next !== subject) playgroundKeys.clear();
  subject = next;
});
