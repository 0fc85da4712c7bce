import { z } from 'zod';

export const NOTIFICATION_EVENT_TYPES = [
  'alert.fired', 'alert.resolved', 'budget.threshold', 'balance.low', 'balance.recharge_requested', 'provider_key.disabled', 'invoice.issued', 'member.invited', 'test',
] as const;
export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

export const NOTIFICATION_CHANNEL_KINDS = ['email', 'webhook', 'slack', 'feishu', 'dingtalk', 'in_app'] as const;
export type NotificationChannelKind = (typeof NOTIFICATION_CHANNEL_KINDS)[number];

export const NOTIFICATION_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type NotificationDeliveryStatus = (typeof NOTIFICATION_DELIVERY_STATUSES)[number];

const httpUrl = z.string().url().max(2048).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');
const signingSecret = z.string().min(16, 'at least 16 characters').max(256);

/**
 * Non-secret settings per kind (stored as is and returned by the API). Secrets go in `secrets`:
 * they are encrypted at rest and never returned; chat-bot webhook URLs count as secrets because
 * their path or query carries the bot token.
 */
export const notificationChannelConfigSchemas = {
  email: z.strictObject({
    host: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9.\-:[\]]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535).default(587),
    /** true: TLS from the first byte (465); false: plain, upgraded by STARTTLS when offered. */
    secure: z.boolean().default(false),
    user: z.string().max(320).optional(),
    from: z.email(),
    recipients: z.array(z.email()).min(1).max(50),
  }),
  webhook: z.strictObject({ url: httpUrl }),
  slack: z.strictObject({}),
  feishu: z.strictObject({}),
  dingtalk: z.strictObject({}),
  in_app: z.strictObject({}),
} as const;

export const notificationChannelSecretsSchemas = {
  email: z.strictObject({ password: z.string().min(1).max(1024).optional() }),
  /** Signs every body: see the `x-ai-router-signature` header. */
  webhook: z.strictObject({ signingSecret }),
  slack: z.strictObject({ webhookUrl: httpUrl }),
  /** `signingSecret` when the bot has "signature verification" on. */
  feishu: z.strictObject({ webhookUrl: httpUrl, signingSecret: z.string().min(1).max(256).optional() }),
  /** `signingSecret` (SEC…) when the robot's security setting is "additional signature". */
  dingtalk: z.strictObject({ webhookUrl: httpUrl, signingSecret: z.string().min(1).max(256).optional() }),
  in_app: z.strictObject({}),
} as const;

export type EmailChannelConfig = z.infer<typeof notificationChannelConfigSchemas.email>;
export type WebhookChannelConfig = z.infer<typeof notificationChannelConfigSchemas.webhook>;

const common = {
  name: z.string().trim().min(1).max(100),
  /** Which events the channel receives; empty means all. */
  events: z.array(z.enum(NOTIFICATION_EVENT_TYPES)).max(NOTIFICATION_EVENT_TYPES.length).default([]),
  enabled: z.boolean().default(true),
};

/** Kinds whose config is empty may leave it out; kinds that need a secret must give it on create. */
const channelOf = <K extends NotificationChannelKind>(kind: K, needs: { config: boolean; secrets: boolean }) => {
  const config = notificationChannelConfigSchemas[kind];
  const secrets = notificationChannelSecretsSchemas[kind];
  return z.strictObject({
    kind: z.literal(kind),
    ...common,
    config: needs.config ? config : config.optional(),
    secrets: needs.secrets ? secrets : secrets.optional(),
  });
};

export const createNotificationChannelSchema = z.discriminatedUnion('kind', [
  channelOf('email', { config: true, secrets: false }),
  channelOf('webhook', { config: true, secrets: true }),
  channelOf('slack', { config: false, secrets: true }),
  channelOf('feishu', { config: false, secrets: true }),
  channelOf('dingtalk', { config: false, secrets: true }),
  channelOf('in_app', { config: false, secrets: false }),
]);
export type CreateNotificationChannel = z.infer<typeof createNotificationChannelSchema>;

/**
 * `config` replaces the stored config (checked against the channel's kind); `secrets` is merged into
 * the stored ones: a field given replaces, `null` clears, an absent field is kept.
 */
export const updateNotificationChannelSchema = z.strictObject({
  name: common.name.optional(),
  events: z.array(z.enum(NOTIFICATION_EVENT_TYPES)).max(NOTIFICATION_EVENT_TYPES.length).optional(),
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
  secrets: z.record(z.string(), z.string().max(4096).nullable()).optional(),
});
export type UpdateNotificationChannel = z.infer<typeof updateNotificationChannelSchema>;

export interface NotificationChannelView {
  id: string;
  kind: NotificationChannelKind;
  name: string;
  config: Record<string, unknown>;
  events: NotificationEventType[];
  enabled: boolean;
  /** Names of the secrets that are set (never their values), e.g. ["signingSecret"]. */
  secretFields: string[];
  createdAt: string;
}

export interface NotificationDeliveryView {
  id: string;
  channelId: string;
  eventId: string;
  eventType: NotificationEventType;
  status: NotificationDeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface NotificationView {
  id: string;
  eventId: string;
  type: NotificationEventType;
  title: string;
  body: string;
  data: Record<string, unknown>;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationInboxView {
  items: NotificationView[];
  unreadCount: number;
}

export interface NotificationTestResult {
  eventId: string;
  deliveryId: string;
}
