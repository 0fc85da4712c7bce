import { describe, expect, it } from 'vitest';
import { attemptFinished, attemptStarted, emptySignals } from './signals';

describe('signals', () => {
  it('starts each EWMA at the first sample, then moves by alpha', () => {
    let s = attemptStarted(emptySignals());
    s = attemptFinished(s, { ok: true, latencyMs: 1000, ttftMs: 200 }, 0.5);
    expect(s).toEqual({ inFlight: 0, latencyEwmaMs: 1000, ttftEwmaMs: 200, successRate: 1, samples: 1 });
    s = attemptFinished(attemptStarted(s), { ok: true, latencyMs: 500, ttftMs: 100 }, 0.5);
    expect(s).toEqual({ inFlight: 0, latencyEwmaMs: 750, ttftEwmaMs: 150, successRate: 1, samples: 2 });
  });

  it.each([
    ['a fast failure leaves latency alone', 50, 1000],
    ['a slow failure (timeout) raises it', 3000, 2000],
  ])('%s', (_name, latencyMs, expected) => {
    const warm = { inFlight: 1, latencyEwmaMs: 1000, ttftEwmaMs: 200, successRate: 1, samples: 10 };
    const s = attemptFinished(warm, { ok: false, latencyMs, ttftMs: null }, 0.5);
    expect(s).toEqual({ inFlight: 0, latencyEwmaMs: expected, ttftEwmaMs: 200, successRate: 0.5, samples: 11 });
  });

  it('never lets in-flight go negative and does not mutate', () => {
    const empty = emptySignals();
    expect(attemptFinished(empty, { ok: true, latencyMs: 10, ttftMs: null }).inFlight).toBe(0);
    expect(empty).toEqual(emptySignals());
  });
});
