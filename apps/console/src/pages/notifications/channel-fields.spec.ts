import { createNotificationChannelSchema } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { initialValues, toPayload } from './channel-fields';

describe('channel form values', () => {
  it('builds an email channel the shared schema accepts, leaving blank optional fields out', () => {
    const values = { ...initialValues('email'), 'config.host': 'smtp.example.com', 'config.from': 'ops@example.com', 'config.recipients': 'a@example.com, b@example.com' };
    const { config, secrets } = toPayload('email', values);
    expect(config).toEqual({ host: 'smtp.example.com', port: 587, secure: false, from: 'ops@example.com', recipients: ['a@example.com', 'b@example.com'] });
    expect(secrets).toEqual({});
    expect(createNotificationChannelSchema.safeParse({ kind: 'email', name: 'ops', config, secrets }).success).toBe(true);
  });

  it('shows stored config back but never a secret', () => {
    expect(initialValues('webhook', { url: 'https://hooks.example.com/x' })).toEqual({ 'config.url': 'https://hooks.example.com/x', 'secrets.signingSecret': '' });
    expect(toPayload('slack', { 'secrets.webhookUrl': ' https://hooks.slack.com/services/T/B/X ' }).secrets).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T/B/X' });
  });
});
