import type { CandidateSignals } from './routing-strategy';

/** ~20-sample memory: reacts to a degradation within a few dozen requests without chasing every blip. */
export const SIGNAL_ALPHA = 0.1;

export interface AttemptOutcome {
  ok: boolean;
  latencyMs: number;
  /** Null when no token arrived (failure, non-streaming). */
  ttftMs: number | null;
}

export const emptySignals = (): CandidateSignals => ({ inFlight: 0, latencyEwmaMs: null, ttftEwmaMs: null, successRate: null, samples: 0 });

export const attemptStarted = (s: CandidateSignals): CandidateSignals => ({ ...s, inFlight: s.inFlight + 1 });

const ewma = (previous: number | null, value: number, alpha: number): number =>
  previous === null ? value : previous + alpha * (value - previous);

/** The update the gateway applies when an attempt ends (success, error or timeout). Pure: returns a new object. */
export function attemptFinished(s: CandidateSignals, outcome: AttemptOutcome, alpha = SIGNAL_ALPHA): CandidateSignals {
  // An instant 5xx is no evidence of speed, but a slow failure (a timeout) is evidence of slowness.
  const countsForLatency = outcome.ok || (s.latencyEwmaMs !== null && outcome.latencyMs > s.latencyEwmaMs);
  return {
    inFlight: Math.max(0, s.inFlight - 1),
    latencyEwmaMs: countsForLatency ? ewma(s.latencyEwmaMs, outcome.latencyMs, alpha) : s.latencyEwmaMs,
    ttftEwmaMs: outcome.ok && outcome.ttftMs !== null ? ewma(s.ttftEwmaMs, outcome.ttftMs, alpha) : s.ttftEwmaMs,
    successRate: ewma(s.successRate, outcome.ok ? 1 : 0, alpha),
    samples: s.samples + 1,
  };
}
