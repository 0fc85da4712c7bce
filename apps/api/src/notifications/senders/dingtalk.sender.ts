import { Injectable } from '@nestjs/common';
import { DeliveryError } from '../delivery-error';
import { assertDelivered, DeliveryNetwork } from '../delivery-network.service';
import { plainText } from '../notification-event';
import { dingtalkSign } from '../signatures';
import { type ChannelSender, type OutgoingNotification, parseJson, type ResolvedChannel, requiredSecret } from './channel-sender';

/**
 * DingTalk robot: `{ msgtype: 'text', text: { content } }`; with a signing secret, `timestamp` (ms)
 * and `sign` go in the query string. DingTalk answers HTTP 200 with a non-zero `errcode` on refusal.
 */
@Injectable()
export class DingTalkSender implements ChannelSender {
  constructor(private readonly network: DeliveryNetwork) {}

  async send(channel: ResolvedChannel, { event }: OutgoingNotification): Promise<void> {
    const url = new URL(requiredSecret(channel, 'webhookUrl'));
    const secret = channel.secrets.signingSecret;
    if (secret) {
      const timestamp = Date.now();
      // URLSearchParams percent-encodes the base64 (+, /, =) as DingTalk requires.
      url.searchParams.set('timestamp', String(timestamp));
      url.searchParams.set('sign', dingtalkSign(secret, timestamp));
    }
    const res = await this.network.postJson(url.toString(), JSON.stringify({ msgtype: 'text', text: { content: plainText(event) } }));
    assertDelivered(res);
    const verdict = parseJson(res.text) as { errcode?: number; errmsg?: string };
    if ((verdict.errcode ?? 0) !== 0) throw new DeliveryError(`DingTalk refused (errcode ${verdict.errcode}): ${String(verdict.errmsg ?? '').slice(0, 200)}`);
  }
}
