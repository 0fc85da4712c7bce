import type { AlertState } from '@ai-router/contracts';

export interface RuleClock {
  state: AlertState;
  /** When the condition was first seen in the current run of breaches (state `pending`). */
  pendingSince: Date | null;
  /** When the current firing last notified (state `firing`). */
  lastNotifiedAt: Date | null;
  forSeconds: number;
  repeatIntervalSeconds: number;
}

/** What a transition asks the engine to send: the first `alert.fired`, a repeat of it, or `alert.resolved`. */
export type AlertAction = 'fire' | 'repeat' | 'resolve' | null;

export interface Transition {
  state: AlertState;
  pendingSince: Date | null;
  action: AlertAction;
}

/**
 * ok -> (pending while the condition has held less than `forSeconds`) -> firing, which notifies once;
 * while it holds, a repeat every `repeatIntervalSeconds`; when it clears, back to ok with one
 * resolution. A pending rule that clears goes back to ok without a word: it never fired.
 */
export function nextState(rule: RuleClock, breached: boolean, now: Date): Transition {
  if (!breached) {
    return { state: 'ok', pendingSince: null, action: rule.state === 'firing' ? 'resolve' : null };
  }
  if (rule.state === 'firing') {
    const due = !rule.lastNotifiedAt || now.getTime() - rule.lastNotifiedAt.getTime() >= rule.repeatIntervalSeconds * 1000;
    return { state: 'firing', pendingSince: null, action: due ? 'repeat' : null };
  }
  const since = rule.state === 'pending' && rule.pendingSince ? rule.pendingSince : now;
  if (now.getTime() - since.getTime() >= rule.forSeconds * 1000) return { state: 'firing', pendingSince: null, action: 'fire' };
  return { state: 'pending', pendingSince: since, action: null };
}
