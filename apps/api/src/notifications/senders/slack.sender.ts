import { Injectable } from '@nestjs/common';
import { assertDelivered, DeliveryNetwork } from '../delivery-network.service';
import { plainText } from '../notification-event';
import { type ChannelSender, type OutgoingNotification, type ResolvedChannel, requiredSecret } from './channel-sender';

/** Slack incoming webhook: `{ text }`; Slack answers 200 "ok" or a 4xx naming the problem. */
@Injectable()
export class SlackSender implements ChannelSender {
  constructor(private readonly network: DeliveryNetwork) {}

  async send(channel: ResolvedChannel, { event }: OutgoingNotification): Promise<void> {
    const res = await this.network.postJson(requiredSecret(channel, 'webhookUrl'), JSON.stringify({ text: plainText(event) }));
    assertDelivered(res);
  }
}
