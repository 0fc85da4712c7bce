import type { NotificationEvent } from '../notifications/notification-event';
import type { AlertReading } from './alert-evaluator';
import type { AlertAction } from './alert-state-machine';

export interface NoticeSubject {
  ruleId: string;
  ruleName: string;
  kind: string;
  /** The firing (alert event) this notice belongs to. */
  alertId: string;
  firedAt: Date;
  /** Notification rounds this firing sent before this one. */
  sent: number;
}

/**
 * The notification for a transition. Its id names the firing and the round (`alert.fired.<alert>.<n>`,
 * `alert.resolved.<alert>`), so notifying it twice (a retry, a race) reaches each channel once.
 */
export function alertNotice(action: Exclude<AlertAction, null>, s: NoticeSubject, reading: AlertReading, now: Date): NotificationEvent {
  const data = { ruleId: s.ruleId, alertId: s.alertId, kind: s.kind, value: reading.value, firedAt: s.firedAt.toISOString() };
  if (action === 'resolve') {
    return {
      id: `alert.resolved.${s.alertId}`, type: 'alert.resolved', title: `Resolved: ${s.ruleName}`,
      body: `${reading.summary}. Firing since ${s.firedAt.toISOString()}, resolved at ${now.toISOString()}.`,
      data: { ...data, resolvedAt: now.toISOString() },
    };
  }
  return {
    id: `alert.fired.${s.alertId}.${s.sent}`, type: 'alert.fired', title: `Alert: ${s.ruleName}`,
    body: action === 'repeat' ? `Still firing since ${s.firedAt.toISOString()}: ${reading.summary}.` : `${reading.summary}.`,
    data: { ...data, repeat: s.sent },
  };
}
