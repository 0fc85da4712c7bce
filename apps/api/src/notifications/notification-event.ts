import type { NotificationEventType } from '@ai-router/contracts';

/** Something an org should hear about. */
export interface NotificationEvent {
  /**
   * Stable id of what happened (e.g. `invoice.issued.<invoiceId>`): notifying the same id again
   * writes no second inbox row and delivers nothing twice.
   */
  id: string;
  type: NotificationEventType;
  title: string;
  body: string;
  /** Structured details for webhooks and the console (ids, amounts); never secrets. */
  data?: Record<string, unknown>;
}

/** The event as delivered: normalised, with the time notify() saw it. */
export interface DeliveredEvent extends Required<NotificationEvent> {
  occurredAt: string;
}

/** A delivery job's payload: ids and the event, never a secret (with BullMQ it sits in Redis). */
export interface DeliveryJob {
  deliveryId: string;
  channelId: string;
  orgId: string;
  /** The queue's attempt limit for this job, so the last failure can be marked final. */
  attempts: number;
  event: DeliveredEvent;
}

const MAX_ID = 200;
const MAX_TITLE = 200;
const MAX_BODY = 4000;

/** Checks what callers inside the app pass; long texts are cut rather than refused (chat bots cap them anyway). */
export function normaliseEvent(event: NotificationEvent, now = new Date()): DeliveredEvent {
  if (!event.id || event.id.length > MAX_ID) throw new Error(`notification event id must be 1-${MAX_ID} characters`);
  return {
    id: event.id,
    type: event.type,
    title: event.title.slice(0, MAX_TITLE),
    body: event.body.slice(0, MAX_BODY),
    data: jsonOnly(event.data ?? {}),
    occurredAt: now.toISOString(),
  };
}

/** Data travels as JSON (queue, jsonb, webhook body): a bigint or a cycle fails here, not in a worker. */
function jsonOnly(data: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`notification event data must be JSON-serialisable (${(err as Error).message}); send amounts as strings`);
  }
}

/** One plain-text rendering for email and chat bots. */
export function plainText(event: DeliveredEvent): string {
  return `${event.title}\n\n${event.body}`;
}
