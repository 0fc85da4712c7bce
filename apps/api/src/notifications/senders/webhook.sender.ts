import { Injectable } from '@nestjs/common';
import { assertDelivered, DeliveryNetwork } from '../delivery-network.service';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../signatures';
import { type ChannelSender, type OutgoingNotification, type ResolvedChannel, requiredSecret } from './channel-sender';

/**
 * POSTs the event as JSON, signed (see signatures.ts). Every attempt is signed afresh with its own
 * timestamp, so a retry after a long backoff still falls inside the receiver's window; the body's
 * `id` stays the same, which is what receivers de-duplicate on.
 */
@Injectable()
export class WebhookSender implements ChannelSender {
  constructor(private readonly network: DeliveryNetwork) {}

  async send(channel: ResolvedChannel, { deliveryId, orgId, event }: OutgoingNotification): Promise<void> {
    const rawBody = JSON.stringify({
      id: event.id, type: event.type, orgId, title: event.title, body: event.body, data: event.data, occurredAt: event.occurredAt, deliveryId,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const res = await this.network.postJson(String(channel.config.url), rawBody, {
      'x-ai-router-event': event.type,
      'x-ai-router-delivery': deliveryId,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signWebhook(requiredSecret(channel, 'signingSecret'), timestamp, rawBody),
    });
    assertDelivered(res);
  }
}
