import { useSyncExternalStore } from 'react';

// A deliberately small router: the console has flat top-level pages and the API serves index.html for
// unknown paths, so the History API is all that is needed. Swap for a router library when pages nest.

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
