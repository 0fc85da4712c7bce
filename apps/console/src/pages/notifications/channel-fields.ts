import type { NotificationChannelKind, NotificationEventType } from '@ai-router/contracts';
import { listOf, optionalNumber, optionalText } from '../../lib/zod-form';

/** One setting of a channel kind: a `config` value (stored, shown back) or a `secrets` value (write-only). */
export interface KindField {
  name: string;
  label: string;
  where: 'config' | 'secrets';
  type: 'text' | 'number' | 'checkbox' | 'list' | 'password';
  hint?: string;
}

const webhookUrl = (service: string): KindField => ({ name: 'webhookUrl', label: 'Webhook URL', where: 'secrets', type: 'password', hint: `The ${service} incoming-webhook address; it carries the bot's token, so it is stored encrypted.` });
const optionalSigning: KindField = { name: 'signingSecret', label: 'Signing secret (optional)', where: 'secrets', type: 'password', hint: "Only when the bot's signature check is on." };

export const KIND_FIELDS: Record<NotificationChannelKind, KindField[]> = {
  email: [
    { name: 'host', label: 'SMTP host', where: 'config', type: 'text' },
    { name: 'port', label: 'Port', where: 'config', type: 'number', hint: '587 for STARTTLS, 465 for TLS.' },
    { name: 'secure', label: 'TLS from the first byte (port 465)', where: 'config', type: 'checkbox' },
    { name: 'user', label: 'User (optional)', where: 'config', type: 'text' },
    { name: 'password', label: 'Password (optional)', where: 'secrets', type: 'password' },
    { name: 'from', label: 'From address', where: 'config', type: 'text' },
    { name: 'recipients', label: 'Recipients', where: 'config', type: 'list', hint: 'One address per line or comma.' },
  ],
  webhook: [
    { name: 'url', label: 'URL', where: 'config', type: 'text', hint: 'Receives a signed JSON POST for every event.' },
    { name: 'signingSecret', label: 'Signing secret', where: 'secrets', type: 'password', hint: 'At least 16 characters; verify the x-ai-router-signature header with it.' },
  ],
  slack: [webhookUrl('Slack')],
  feishu: [webhookUrl('Feishu'), optionalSigning],
  dingtalk: [webhookUrl('DingTalk'), optionalSigning],
  in_app: [],
};

export const KIND_LABELS: Record<NotificationChannelKind, string> = {
  email: 'Email', webhook: 'Webhook', slack: 'Slack', feishu: 'Feishu', dingtalk: 'DingTalk', in_app: 'In-app inbox',
};

export const EVENT_LABELS: Record<NotificationEventType, string> = {
  'alert.fired': 'Alert fired', 'alert.resolved': 'Alert resolved', 'budget.threshold': 'Budget threshold reached', 'balance.low': 'Balance low', 'balance.recharge_requested': 'Recharge requested',
  'provider_key.disabled': 'Provider key disabled', 'invoice.issued': 'Invoice issued', 'member.invited': 'Member invited', test: 'Test message',
};

/** Form values by `config.host` / `secrets.webhookUrl`. */
export type FieldValues = Record<string, string | boolean>;

export const fieldKey = (f: KindField) => `${f.where}.${f.name}`;

/** The values a form starts with: the stored config; secrets always blank (they are never sent back). */
export function initialValues(kind: NotificationChannelKind, config: Record<string, unknown> = {}): FieldValues {
  const values: FieldValues = {};
  for (const f of KIND_FIELDS[kind]) {
    const stored = f.where === 'config' ? config[f.name] : undefined;
    if (f.type === 'checkbox') values[fieldKey(f)] = stored === true;
    else if (f.type === 'list') values[fieldKey(f)] = Array.isArray(stored) ? stored.join('\n') : '';
    else values[fieldKey(f)] = stored === undefined || stored === null ? (f.name === 'port' ? '587' : '') : String(stored);
  }
  return values;
}

/** Form values to the API's `config` and `secrets` objects; blank optional fields are left out. */
export function toPayload(kind: NotificationChannelKind, values: FieldValues): { config: Record<string, unknown>; secrets: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const f of KIND_FIELDS[kind]) {
    const raw = values[fieldKey(f)];
    if (f.where === 'secrets') {
      const text = optionalText(String(raw ?? ''));
      if (text !== undefined) secrets[f.name] = text;
      continue;
    }
    const value = f.type === 'checkbox' ? raw === true : f.type === 'number' ? optionalNumber(String(raw)) : f.type === 'list' ? listOf(String(raw)) : optionalText(String(raw));
    if (value !== undefined) config[f.name] = value;
  }
  return { config, secrets };
}
