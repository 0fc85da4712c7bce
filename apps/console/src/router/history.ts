import { useSyncExternalStore } from 'react';

// A deliberately small router: the console has flat pages under /orgs/:orgId and the API serves
// index.html for unknown paths, so the History API is all that is needed (see routes.ts).

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function change(path: string, mode: 'push' | 'replace'): void {
  if (path === window.location.pathname + window.location.search) return;
  if (mode === 'push') window.history.pushState(null, '', path);
  else window.history.replaceState(null, '', path);
  listeners.forEach((listener) => listener());
}

export function navigate(path: string): void {
  change(path, 'push');
}

/** For redirects: the old address does not stay in the back history. */
export function redirect(path: string): void {
  change(path, 'replace');
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
