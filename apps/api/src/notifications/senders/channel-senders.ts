import { Injectable } from '@nestjs/common';
import type { NotificationChannelKind } from '@ai-router/contracts';
import type { ChannelSender } from './channel-sender';
import { DingTalkSender } from './dingtalk.sender';
import { EmailSender } from './email.sender';
import { FeishuSender } from './feishu.sender';
import { SlackSender } from './slack.sender';
import { WebhookSender } from './webhook.sender';

/** The inbox row is written by notify() itself: nothing leaves the server for an in-app channel. */
const inApp: ChannelSender = { send: async () => undefined };

/** The sender for each channel kind (one file per kind). */
@Injectable()
export class ChannelSenders {
  private readonly byKind: Record<NotificationChannelKind, ChannelSender>;

  constructor(email: EmailSender, webhook: WebhookSender, slack: SlackSender, feishu: FeishuSender, dingtalk: DingTalkSender) {
    this.byKind = { email, webhook, slack, feishu, dingtalk, in_app: inApp };
  }

  for(kind: NotificationChannelKind): ChannelSender {
    return this.byKind[kind];
  }
}

export const CHANNEL_SENDER_PROVIDERS = [EmailSender, WebhookSender, SlackSender, FeishuSender, DingTalkSender, ChannelSenders];
