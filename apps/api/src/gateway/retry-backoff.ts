import type { Cancellation } from '../common/cancellation';

const BASE_MS = 100;
const CAP_MS = 2_000;

/** Exponential backoff with full jitter (spreads retries of many clients instead of synchronising them). */
export function backoffDelayMs(round: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(CAP_MS, BASE_MS * 2 ** round));
}

/** Waits, unless the request is aborted first (then resolves early: the caller checks the signal). */
export function sleep(ms: number, signal: Cancellation): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.off('abort', done);
      resolve();
    }
    signal.once('abort', done);
  });
}
