import type { NotificationChannelKind } from '@ai-router/contracts';
import type { ChannelSecrets } from '../channel-secrets';
import type { DeliveredEvent } from '../notification-event';

/** A channel as a sender sees it: decrypted secrets in memory, only for the attempt. */
export interface ResolvedChannel {
  id: string;
  orgId: string;
  kind: NotificationChannelKind;
  config: Record<string, unknown>;
  secrets: ChannelSecrets;
}

export interface OutgoingNotification {
  deliveryId: string;
  orgId: string;
  event: DeliveredEvent;
}

/** One per channel kind. Resolves when the destination accepted; throws a DeliveryError otherwise. */
export interface ChannelSender {
  send(channel: ResolvedChannel, message: OutgoingNotification): Promise<void>;
}

/** A secret the channel's schema requires; missing only if the stored row was tampered with. */
export function requiredSecret(channel: ResolvedChannel, name: string): string {
  const value = channel.secrets[name];
  if (!value) throw new Error(`channel ${channel.id} has no ${name}`);
  return value;
}

/** Bot APIs answer JSON verdicts; anything else reads as an empty object. */
export function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
