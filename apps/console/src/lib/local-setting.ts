/**
 * localStorage access that never throws: storage can be disabled (privacy modes, sandboxed iframes)
 * and the console must still work for the current tab, just without remembering anything.
 */
export function readSetting(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeSetting(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Not persisted; the in-memory value still applies to this tab.
  }
}
