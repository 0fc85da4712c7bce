/**
 * Polls `probe` until `ok` accepts its value or the time is up, and returns the last value either
 * way, so the test's own assertion reports what was seen (work that settles asynchronously).
 */
export async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}
