import { createHmac, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChannelView, NotificationDeliveryView, NotificationInboxView } from '@ai-router/contracts';
import { NotificationRetryPolicy } from '../src/notifications/notification-retry.policy';
import { NotificationsService } from '../src/notifications/notifications.service';
import { AdminClient } from './support/admin-client';
import { inviteMember, type SignedIn } from './support/console-session';
import { eventually, startReceiver, startSmtp } from './support/notification-receivers';
import { startTestApp, type TestApp } from './support/test-app';

const secret = (label: string) => `${label}-${randomBytes(12).toString('hex')}`;

describe('notifications: channels, delivery, in-app', () => {
  let t: TestApp;
  let owner: AdminClient;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let notifications: NotificationsService;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let orgId: string;
  let otherOrgId: string;
  const channels: Record<string, NotificationChannelView> = {};
  const responses: string[] = [];
  const secrets = {
    smtp: secret('smtp-pass'), webhook: secret('whsec'), slackToken: secret('slacktok'), feishuToken: secret('feishutok'),
    feishuSigning: secret('feishusec'), dingToken: secret('dingtok'), dingSigning: secret('SECding'), brokenToken: secret('brokentok'),
    wrongSmtp: secret('wrong-pass'),
  };

  /** Every answer is kept, to be searched for secrets at the end. */
  const api = async <T>(client: AdminClient, method: string, path: string, body?: unknown, expected = [200, 201, 202, 204]): Promise<T> => {
    const res = await client.raw(method, path, body);
    const text = await res.text();
    responses.push(text);
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const deliveries = (channelId: string) => api<NotificationDeliveryView[]>(owner, 'GET', `/api/orgs/${orgId}/notification-deliveries?channelId=${channelId}`);

  beforeAll(async () => {
    [t, rx, smtp] = await Promise.all([startTestApp(), startReceiver(), startSmtp(secrets.smtp)]);
    t.app.get(NotificationRetryPolicy).backoffMs = 20;
    notifications = t.app.get(NotificationsService);
    owner = new AdminClient(t.url, await t.ownerToken());
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Notify Co' })).id;
    otherOrgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Other Co' })).id;
    viewer = await inviteMember(t.url, owner, orgId, 'viewer@notify.test', 'viewer');
    outsider = await inviteMember(t.url, owner, otherOrgId, 'admin@other.test', 'admin');

    const create = (body: Record<string, unknown>) => api<NotificationChannelView>(owner, 'POST', `/api/orgs/${orgId}/notification-channels`, body);
    channels.email = await create({
      kind: 'email', name: 'ops mail', events: ['balance.low'], secrets: { password: secrets.smtp },
      config: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'mailer', from: 'alerts@ai-router.test', recipients: ['ops@notify.test', 'cto@notify.test'] },
    });
    channels.webhook = await create({ kind: 'webhook', name: 'billing hook', events: ['invoice.issued'], config: { url: `${rx.url}/webhook` }, secrets: { signingSecret: secrets.webhook } });
    channels.slack = await create({ kind: 'slack', name: 'slack', events: ['alert.fired'], secrets: { webhookUrl: `${rx.url}/slack/services/T0/B0/${secrets.slackToken}` } });
    channels.feishu = await create({
      kind: 'feishu', name: 'feishu', events: ['alert.fired'],
      secrets: { webhookUrl: `${rx.url}/feishu/open-apis/bot/v2/hook/${secrets.feishuToken}`, signingSecret: secrets.feishuSigning },
    });
    channels.dingtalk = await create({
      kind: 'dingtalk', name: 'dingtalk', events: ['alert.fired'],
      secrets: { webhookUrl: `${rx.url}/dingtalk/robot/send?access_token=${secrets.dingToken}`, signingSecret: secrets.dingSigning },
    });
    channels.broken = await create({ kind: 'slack', name: 'broken', events: ['budget.threshold'], secrets: { webhookUrl: `${rx.url}/echo-500/${secrets.brokenToken}` } });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([rx?.close(), smtp?.close()]);
  });

  it('shows which secrets are set, never their values', () => {
    expect(channels.feishu!.secretFields).toEqual(['signingSecret', 'webhookUrl']);
    expect(channels.email!.config).toMatchObject({ host: '127.0.0.1', user: 'mailer' });
    expect(JSON.stringify(channels)).not.toMatch(/smtp-pass|whsec|tok-|feishusec|SECding/);
  });

  it('sends email over SMTP with the password from the channel secret', async () => {
    await notifications.notify(orgId, { id: 'balance.low.1', type: 'balance.low', title: 'Balance low', body: 'Your balance is below $5.00.', data: {} });
    const [mail] = await eventually(() => (smtp.mails.length ? smtp.mails : null));
    expect(mail!.to).toEqual(['ops@notify.test', 'cto@notify.test']);
    expect(mail!.subject).toBe('[AI Router] Balance low');
    expect(mail!.body).toContain('Your balance is below $5.00.');
    const [log] = await eventually(async () => ((await deliveries(channels.email!.id))[0]?.status === 'delivered' ? deliveries(channels.email!.id) : null));
    expect(log).toMatchObject({ eventId: 'balance.low.1', attempts: 1, lastError: null });
  });

  it('retries a failing webhook and signs every attempt', async () => {
    await notifications.notify(orgId, {
      id: 'invoice.issued.inv-1', type: 'invoice.issued', title: 'Invoice INV-1 issued', body: 'March is ready.', data: { invoiceId: 'inv-1', total: '12.50' },
    });
    const hits = await eventually(() => (rx.at('/webhook').length >= 3 ? rx.at('/webhook') : null));
    for (const hit of hits) {
      const timestamp = String(hit.headers['x-ai-router-timestamp']);
      expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(60);
      const expected = `v1=${createHmac('sha256', secrets.webhook).update(`${timestamp}.${hit.body}`).digest('hex')}`;
      expect(hit.headers['x-ai-router-signature']).toBe(expected);
    }
    expect(JSON.parse(hits[2]!.body)).toMatchObject({ id: 'invoice.issued.inv-1', type: 'invoice.issued', orgId, data: { invoiceId: 'inv-1', total: '12.50' } });
    const [log] = await eventually(async () => ((await deliveries(channels.webhook!.id))[0]?.status === 'delivered' ? deliveries(channels.webhook!.id) : null));
    expect(log).toMatchObject({ attempts: 3, status: 'delivered', lastError: null });
    expect(hits).toHaveLength(3);
  });

  it('speaks Slack, Feishu and DingTalk, signed where configured', async () => {
    await notifications.notify(orgId, { id: 'alert.fired.r1.1', type: 'alert.fired', title: 'Error rate above 5%', body: 'demo-chat: 7.2% over 5 min' });
    await eventually(() => rx.at('/slack/').length && rx.at('/feishu/').length && rx.at('/dingtalk/').length);
    const text = 'Error rate above 5%\n\ndemo-chat: 7.2% over 5 min';
    expect(JSON.parse(rx.at('/slack/')[0]!.body)).toEqual({ text });

    const feishu = JSON.parse(rx.at('/feishu/')[0]!.body) as { timestamp: string; sign: string };
    expect(feishu).toMatchObject({ msg_type: 'text', content: { text } });
    expect(feishu.sign).toBe(createHmac('sha256', `${feishu.timestamp}\n${secrets.feishuSigning}`).update('').digest('base64'));

    const ding = rx.at('/dingtalk/')[0]!;
    expect(JSON.parse(ding.body)).toEqual({ msgtype: 'text', text: { content: text } });
    const timestamp = ding.url.searchParams.get('timestamp')!;
    expect(ding.url.searchParams.get('access_token')).toBe(secrets.dingToken);
    expect(ding.url.searchParams.get('sign')).toBe(createHmac('sha256', secrets.dingSigning).update(`${timestamp}\n${secrets.dingSigning}`).digest('base64'));
  });

  it('delivers an event once per channel however often it is notified', async () => {
    const event = { id: 'alert.fired.r2.1', type: 'alert.fired' as const, title: 'Latency above 2 s', body: 'p95 2.4 s' };
    const count = () => ['/slack/', '/feishu/', '/dingtalk/'].map((p) => rx.at(p).filter((r) => r.body.includes('Latency above 2 s')).length);
    await Promise.all([notifications.notify(orgId, event), notifications.notify(orgId, event)]);
    await eventually(() => count().every((n) => n === 1));
    for (const id of [channels.slack!.id, channels.feishu!.id, channels.dingtalk!.id]) {
      await eventually(async () => (await deliveries(id)).find((d) => d.eventId === event.id)?.status === 'delivered');
    }
    await notifications.notify(orgId, event); // again, after the jobs are long gone
    await new Promise((r) => setTimeout(r, 300));
    expect(count()).toEqual([1, 1, 1]);
    const rows = await t.app.get(DataSource).query('SELECT count(*)::int AS n FROM notification_deliveries WHERE event_id = $1', [event.id]);
    expect(rows[0].n).toBe(3);
    const inbox = await api<NotificationInboxView>(owner, 'GET', `/api/orgs/${orgId}/notifications`);
    expect(inbox.items.filter((n) => n.eventId === event.id)).toHaveLength(1);
  });

  it('"send test" reaches that one channel, even outside its event filter', async () => {
    const before = rx.at('/').length;
    const result = await api<{ eventId: string; deliveryId: string }>(owner, 'POST', `/api/orgs/${orgId}/notification-channels/${channels.email!.id}/test`);
    const mail = await eventually(() => smtp.mails.find((m) => m.subject === '[AI Router] Test notification'));
    expect(mail.body).toContain('"ops mail"');
    await eventually(async () => (await deliveries(channels.email!.id)).find((d) => d.id === result.deliveryId)?.status === 'delivered');
    expect(rx.at('/').length).toBe(before);
    const inbox = await api<NotificationInboxView>(owner, 'GET', `/api/orgs/${orgId}/notifications`);
    expect(inbox.items.some((n) => n.type === 'test')).toBe(false);
  });

  it('gives up after the last attempt and logs why, without the secret', async () => {
    await notifications.notify(orgId, { id: 'budget.threshold.b1.80', type: 'budget.threshold', title: 'Budget 80% used', body: '$80 of $100' });
    const log = await eventually(async () => (await deliveries(channels.broken!.id)).find((d) => d.status === 'failed'));
    expect(log).toMatchObject({ attempts: t.app.get(NotificationRetryPolicy).attempts, status: 'failed' });
    expect(log.lastError).toMatch(/^HTTP 500: rejected \[redacted\]/);

    // A wrong SMTP password: the secret merges (url-less patch keeps the rest), the failure is logged scrubbed.
    const patched = await api<NotificationChannelView>(owner, 'PATCH', `/api/orgs/${orgId}/notification-channels/${channels.email!.id}`, { secrets: { password: secrets.wrongSmtp } });
    expect(patched.secretFields).toEqual(['password']);
    await notifications.notify(orgId, { id: 'balance.low.2', type: 'balance.low', title: 'Balance low again', body: 'Below $1.' });
    const smtpLog = await eventually(async () => (await deliveries(channels.email!.id)).find((d) => d.eventId === 'balance.low.2' && d.status === 'failed'));
    expect(smtpLog.lastError).toMatch(/^SMTP EAUTH 535/);
  });

  it('refuses private destinations and missing secrets when a channel is saved', async () => {
    const post = (body: unknown) => owner.raw('POST', `/api/orgs/${orgId}/notification-channels`, body);
    const refused = async (body: unknown, param: string) => {
      const res = await post(body);
      const text = await res.text();
      responses.push(text);
      expect({ status: res.status, param: (JSON.parse(text) as { error: { param: string } }).error.param }).toEqual({ status: 400, param });
    };
    await refused({ kind: 'webhook', name: 'internal', config: { url: 'http://10.1.2.3/hook' }, secrets: { signingSecret: secrets.webhook } }, 'config.url');
    await refused({ kind: 'feishu', name: 'metadata', secrets: { webhookUrl: `http://169.254.169.254/${secrets.feishuToken}` } }, 'secrets.webhookUrl');
    await refused({ kind: 'email', name: 'lan', config: { host: '192.168.1.10', from: 'a@b.test', recipients: ['c@d.test'] } }, 'config.host');
    await refused({ kind: 'webhook', name: 'unsigned', config: { url: `${rx.url}/webhook` } }, 'secrets');
  });

  it('shows in-app notifications to every member and marks them read', async () => {
    const inbox = await api<NotificationInboxView>(viewer.client, 'GET', `/api/orgs/${orgId}/notifications`);
    const invoice = inbox.items.find((n) => n.eventId === 'invoice.issued.inv-1')!;
    expect(invoice).toMatchObject({ type: 'invoice.issued', title: 'Invoice INV-1 issued', readAt: null, data: { invoiceId: 'inv-1' } });
    const read = await api<{ readAt: string }>(viewer.client, 'POST', `/api/orgs/${orgId}/notifications/${invoice.id}/read`);
    expect(read.readAt).toEqual(expect.any(String));
    const after = await api<NotificationInboxView>(viewer.client, 'GET', `/api/orgs/${orgId}/notifications?unread=true`);
    expect(after.unreadCount).toBe(inbox.unreadCount - 1);
    expect(after.items.some((n) => n.id === invoice.id)).toBe(false);
    // Members read channels; only org:manage changes them.
    expect((await api<NotificationChannelView[]>(viewer.client, 'GET', `/api/orgs/${orgId}/notification-channels`)).length).toBe(6);
    expect((await viewer.client.raw('POST', `/api/orgs/${orgId}/notification-channels/${channels.slack!.id}/test`)).status).toBe(403);
  });

  it('keeps channels, deliveries and notifications invisible to other orgs', async () => {
    const id = channels.webhook!.id;
    expect((await outsider.client.raw('GET', `/api/orgs/${orgId}/notification-channels`)).status).toBe(404);
    expect((await outsider.client.raw('GET', `/api/orgs/${orgId}/notifications`)).status).toBe(404);
    expect((await outsider.client.raw('GET', `/api/orgs/${otherOrgId}/notification-channels/${id}`)).status).toBe(404);
    expect((await outsider.client.raw('PATCH', `/api/orgs/${otherOrgId}/notification-channels/${id}`, { enabled: false })).status).toBe(404);
    expect((await outsider.client.raw('POST', `/api/orgs/${otherOrgId}/notification-channels/${id}/test`)).status).toBe(404);
    expect((await outsider.client.raw('DELETE', `/api/orgs/${otherOrgId}/notification-channels/${id}`)).status).toBe(404);
    expect(await api(outsider.client, 'GET', `/api/orgs/${otherOrgId}/notification-channels`)).toEqual([]);
    expect(await api(outsider.client, 'GET', `/api/orgs/${otherOrgId}/notification-deliveries?channelId=${id}`)).toEqual([]);
    const inbox = await api<NotificationInboxView>(owner, 'GET', `/api/orgs/${orgId}/notifications`);
    expect((await outsider.client.raw('POST', `/api/orgs/${otherOrgId}/notifications/${inbox.items[0]!.id}/read`)).status).toBe(404);
  });

  it('never returns or logs a secret', async () => {
    await api(owner, 'GET', `/api/orgs/${orgId}/notification-channels`);
    for (const c of Object.values(channels)) await api(owner, 'GET', `/api/orgs/${orgId}/notification-channels/${c.id}`);
    await api(owner, 'GET', `/api/orgs/${orgId}/notification-deliveries`);
    const db = t.app.get(DataSource);
    const haystack = [
      ...responses,
      JSON.stringify(await db.query('SELECT last_error FROM notification_deliveries')),
      JSON.stringify(await db.query('SELECT config, name FROM notification_channels')),
      JSON.stringify(await db.query('SELECT details FROM audit_log')),
    ].join('\n');
    for (const [name, value] of Object.entries(secrets)) expect({ name, leaked: haystack.includes(value) }).toEqual({ name, leaked: false });
  });
});
