import { Injectable } from '@nestjs/common';
import { DeliveryError } from '../delivery-error';
import { assertDelivered, DeliveryNetwork } from '../delivery-network.service';
import { plainText } from '../notification-event';
import { feishuSign } from '../signatures';
import { type ChannelSender, type OutgoingNotification, parseJson, type ResolvedChannel, requiredSecret } from './channel-sender';

/**
 * Feishu (Lark) custom bot: `{ msg_type: 'text', content: { text } }`, plus `timestamp` and `sign`
 * when the bot verifies signatures. Feishu answers HTTP 200 even when it refuses, with a non-zero
 * `code` (older bots: `StatusCode`) in the JSON.
 */
@Injectable()
export class FeishuSender implements ChannelSender {
  constructor(private readonly network: DeliveryNetwork) {}

  async send(channel: ResolvedChannel, { event }: OutgoingNotification): Promise<void> {
    const secret = channel.secrets.signingSecret;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = {
      ...(secret && { timestamp: String(timestamp), sign: feishuSign(secret, timestamp) }),
      msg_type: 'text',
      content: { text: plainText(event) },
    };
    const res = await this.network.postJson(requiredSecret(channel, 'webhookUrl'), JSON.stringify(body));
    assertDelivered(res);
    const verdict = parseJson(res.text) as { code?: number; msg?: string; StatusCode?: number; StatusMessage?: string };
    const code = verdict.code ?? verdict.StatusCode ?? 0;
    if (code !== 0) throw new DeliveryError(`Feishu refused (code ${code}): ${String(verdict.msg ?? verdict.StatusMessage ?? '').slice(0, 200)}`);
  }
}
