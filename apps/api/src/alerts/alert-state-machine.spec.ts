import { describe, expect, it } from 'vitest';
import { nextState, type RuleClock } from './alert-state-machine';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const rule = (over: Partial<RuleClock> = {}): RuleClock => ({
  state: 'ok', pendingSince: null, lastNotifiedAt: null, forSeconds: 0, repeatIntervalSeconds: 60, ...over,
});

describe('alert state machine', () => {
  it('stays quiet while ok and clear', () => {
    expect(nextState(rule(), false, t0)).toEqual({ state: 'ok', pendingSince: null, action: null });
  });

  it('fires at once without a "for" duration', () => {
    expect(nextState(rule(), true, t0)).toEqual({ state: 'firing', pendingSince: null, action: 'fire' });
  });

  it('waits in pending until the condition has held for "for" seconds', () => {
    const first = nextState(rule({ forSeconds: 300 }), true, t0);
    expect(first).toEqual({ state: 'pending', pendingSince: t0, action: null });
    const still = nextState(rule({ forSeconds: 300, state: 'pending', pendingSince: t0 }), true, at(299));
    expect(still).toEqual({ state: 'pending', pendingSince: t0, action: null });
    expect(nextState(rule({ forSeconds: 300, state: 'pending', pendingSince: t0 }), true, at(300)).action).toBe('fire');
  });

  it('drops a pending rule that clears without notifying', () => {
    expect(nextState(rule({ forSeconds: 300, state: 'pending', pendingSince: t0 }), false, at(10))).toEqual({ state: 'ok', pendingSince: null, action: null });
  });

  it('repeats only when the repeat interval has passed since the last notification', () => {
    const firing = rule({ state: 'firing', lastNotifiedAt: t0, repeatIntervalSeconds: 60 });
    expect(nextState(firing, true, at(59)).action).toBeNull();
    expect(nextState(firing, true, at(60))).toEqual({ state: 'firing', pendingSince: null, action: 'repeat' });
  });

  it('resolves once when a firing rule clears', () => {
    const firing = rule({ state: 'firing', lastNotifiedAt: t0 });
    expect(nextState(firing, false, at(1))).toEqual({ state: 'ok', pendingSince: null, action: 'resolve' });
    expect(nextState(rule(), false, at(2)).action).toBeNull();
  });
});
