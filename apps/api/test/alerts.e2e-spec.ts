import { randomBytes, randomUUID } from 'node:crypto';
import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AlertEventView, AlertRuleDetailView, AlertRuleView, NotificationChannelView, NotificationDeliveryView, ProviderAccountView,
} from '@ai-router/contracts';
import { AlertEngineService } from '../src/alerts/alert-engine.service';
import { AlertEvaluatorRegistry } from '../src/alerts/alert-evaluator.registry';
import { AlertRule } from '../src/alerts/alert-rule.entity';
import { NotificationRetryPolicy } from '../src/notifications/notification-retry.policy';
import { verifyWebhookSignature } from '../src/notifications/signatures';
import { AdminClient } from './support/admin-client';
import { inviteMember, type SignedIn } from './support/console-session';
import { eventually, type Received, startReceiver, startSmtp } from './support/notification-receivers';
import { startTestApp, type TestApp } from './support/test-app';

const EVAL_INTERVAL_MS = 200;
const REPEAT_SECONDS = 1;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** With PostgreSQL and Redis, a second instance shares the database and queue: evaluation is cluster-wide. */
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** The alert engine end to end: real SMTP and HTTP receivers, usage from real /v1 traffic against the mock provider. */
describe('alerts: rules, evaluation, notification', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  let owner: AdminClient;
  let viewer: SignedIn;
  let outsider: SignedIn;
  let mock: MockProvider;
  let rx: Awaited<ReturnType<typeof startReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let orgId: string;
  let otherOrgId: string;
  let apiKey: string;
  let account: ProviderAccountView;
  const secrets = { smtp: `smtp-${randomBytes(8).toString('hex')}`, webhook: `whsec-${randomBytes(12).toString('hex')}` };
  const channels: Record<string, NotificationChannelView> = {};

  const chat = (prompt: string) => fetch(`${t.url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'flaky', messages: [{ role: 'user', content: prompt }] }),
  });
  const deliveries = (channelId: string) => owner.call<NotificationDeliveryView[]>('GET', `/api/orgs/${orgId}/notification-deliveries?channelId=${channelId}`);
  const webhookHits = (prefix: string) => rx.at('/webhook').filter((h) => (JSON.parse(h.body) as { id: string }).id.startsWith(prefix));

  beforeAll(async () => {
    [t, rx, smtp, mock] = await Promise.all([
      startTestApp({ ALERT_EVAL_INTERVAL_MS: String(EVAL_INTERVAL_MS), UPSTREAM_MAX_ATTEMPTS: '1' }),
      startReceiver(), startSmtp(secrets.smtp), startMockProvider({ port: 0 }),
    ]);
    if (shared) second = await startTestApp(t.env);
    for (const instance of [t, second]) if (instance) instance.app.get(NotificationRetryPolicy).backoffMs = 20;
    owner = new AdminClient(t.url, await t.ownerToken());
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Alert Co' })).id;
    otherOrgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Elsewhere Co' })).id;
    viewer = await inviteMember(t.url, owner, orgId, 'viewer@alert.test', 'viewer');
    outsider = await inviteMember(t.url, owner, otherOrgId, 'admin@elsewhere.test', 'admin');

    account = await owner.createProvider(orgId, { name: 'mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    await owner.createModel(orgId, 'flaky', [{ providerAccountId: account.id, upstreamModel: 'up-flaky' }]);
    apiKey = await owner.createApiKey(orgId);

    const create = (body: Record<string, unknown>) => owner.call<NotificationChannelView>('POST', `/api/orgs/${orgId}/notification-channels`, body);
    channels.email = await create({
      kind: 'email', name: 'on-call mail', events: ['alert.fired', 'alert.resolved'], secrets: { password: secrets.smtp },
      config: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'mailer', from: 'alerts@ai-router.test', recipients: ['oncall@alert.test'] },
    });
    channels.webhook = await create({ kind: 'webhook', name: 'pager hook', events: ['alert.fired', 'alert.resolved'], config: { url: `${rx.url}/webhook` }, secrets: { signingSecret: secrets.webhook } });
    // Subscribed to something else: a rule that names no channels must not reach it.
    channels.billingSlack = await create({ kind: 'slack', name: 'billing slack', events: ['invoice.issued'], secrets: { webhookUrl: `${rx.url}/slack/billing/${randomBytes(6).toString('hex')}` } });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await Promise.all([rx?.close(), smtp?.close(), mock?.close()]);
  });

  it('an error-rate spike fires once per channel, repeats while it holds, and resolves once when traffic recovers', async () => {
    const rule = await owner.call<AlertRuleView>('POST', `/api/orgs/${orgId}/alert-rules`, {
      kind: 'error_rate', name: 'flaky errors', repeatIntervalSeconds: REPEAT_SECONDS,
      params: { windowSeconds: 60, thresholdPercent: 50, minRequests: 4, model: 'flaky' },
    });
    expect(rule).toMatchObject({ state: 'ok', channelIds: [], enabled: true, forSeconds: 0 });

    // Four provider failures: enough for the rule, one short of opening the deployment's breaker.
    for (let i = 0; i < 4; i++) expect((await chat(`boom [[mock:{"status":500}]]`)).status).toBe(502);
    const fired = await eventually(async () => (await owner.call<AlertEventView[]>('GET', `/api/orgs/${orgId}/alerts?ruleId=${rule.id}`))[0]);
    expect(fired).toMatchObject({ ruleName: 'flaky errors', kind: 'error_rate', resolvedAt: null, lastValue: 100 });
    expect(fired.summary).toContain('4 of 4 requests failed');
    const firedPrefix = `alert.fired.${fired.id}.`;

    // The webhook refuses twice; the third try carries the alert.
    await eventually(async () => (await deliveries(channels.webhook!.id)).find((d) => d.eventId === `${firedPrefix}0`)?.status === 'delivered');
    const [first, second, third] = rx.at('/webhook');
    for (const hit of [first, second, third]) expect(JSON.parse(hit!.body)).toMatchObject({ id: `${firedPrefix}0`, type: 'alert.fired', orgId });
    expect((await deliveries(channels.webhook!.id)).find((d) => d.eventId === `${firedPrefix}0`)).toMatchObject({ attempts: 3, lastError: null });

    // Holding: at least one repeat reaches both channels before traffic recovers.
    await eventually(async () => {
      const [mail, hook] = await Promise.all([deliveries(channels.email!.id), deliveries(channels.webhook!.id)]);
      return [mail, hook].every((log) => log.some((d) => d.eventId === `${firedPrefix}1` && d.status === 'delivered'));
    }, 10_000);
    const firing = await owner.call<AlertRuleDetailView>('GET', `/api/orgs/${orgId}/alert-rules/${rule.id}`);
    expect(firing).toMatchObject({ state: 'firing', lastValue: 100 });

    for (let i = 0; i < 6; i++) expect((await chat('all good')).status).toBe(200);
    const resolved = await eventually(async () => (await owner.call<AlertEventView[]>('GET', `/api/orgs/${orgId}/alerts?ruleId=${rule.id}&state=resolved`))[0]);
    await eventually(async () => {
      const [mail, hook] = await Promise.all([deliveries(channels.email!.id), deliveries(channels.webhook!.id)]);
      return [mail, hook].every((log) => log.some((d) => d.eventId === `alert.resolved.${fired.id}` && d.status === 'delivered'));
    });
    // Longer than the repeat interval: a rule still firing would have sent again by now.
    await pause(REPEAT_SECONDS * 1000 + 4 * EVAL_INTERVAL_MS);

    const history = (await owner.call<AlertRuleDetailView>('GET', `/api/orgs/${orgId}/alert-rules/${rule.id}`)).history;
    expect(history).toHaveLength(1);
    const rounds = history[0]!.notificationsSent - 1;
    expect(rounds).toBeGreaterThanOrEqual(2);
    expect(history[0]).toMatchObject({ id: resolved.id, resolvedAt: expect.any(String) });
    const firedIds = Array.from({ length: rounds }, (_, n) => `${firedPrefix}${n}`);

    // Webhook: each round once (the first after its two refusals), one resolution, every request signed.
    const succeeded = (hits: Received[]) => hits.filter((h) => h !== first && h !== second);
    expect(succeeded(webhookHits(firedPrefix)).map((h) => (JSON.parse(h.body) as { id: string }).id).sort()).toEqual(firedIds.sort());
    expect(webhookHits(`alert.resolved.${fired.id}`)).toHaveLength(1);
    for (const hit of rx.at('/webhook')) {
      const header = { timestamp: String(hit.headers['x-ai-router-timestamp']), signature: String(hit.headers['x-ai-router-signature']) };
      expect(verifyWebhookSignature(secrets.webhook, header, hit.body)).toBe(true);
    }
    expect(JSON.parse(webhookHits(`alert.resolved.${fired.id}`)[0]!.body)).toMatchObject({
      type: 'alert.resolved', data: { ruleId: rule.id, alertId: fired.id, kind: 'error_rate' },
    });

    // Email: as many alert mails as rounds, one resolution.
    expect(smtp.mails.filter((m) => m.subject === '[AI Router] Alert: flaky errors')).toHaveLength(rounds);
    expect(smtp.mails.filter((m) => m.subject === '[AI Router] Resolved: flaky errors')).toHaveLength(1);
    expect(smtp.mails.filter((m) => m.body.includes('Still firing since'))).toHaveLength(rounds - 1);
    for (const channel of [channels.email!, channels.webhook!]) {
      const log = (await deliveries(channel.id)).filter((d) => d.eventId.includes(fired.id));
      expect(log.map((d) => d.eventId).sort()).toEqual([...firedIds, `alert.resolved.${fired.id}`].sort());
    }
    expect(rx.at('/slack/billing/')).toHaveLength(0);
    expect((await owner.call<AlertRuleView>('GET', `/api/orgs/${orgId}/alert-rules/${rule.id}`)).state).toBe('ok');
  });

  it('evaluators read the real tables and in-memory key state', async () => {
    const registry = t.app.get(AlertEvaluatorRegistry);
    const evaluate = (kind: Parameters<AlertEvaluatorRegistry['for']>[0], params: Record<string, unknown>) =>
      registry.for(kind)!.evaluate({ orgId, params: params as never }, new Date());
    const window = { windowSeconds: 600, model: 'flaky' };

    // The spike above left 4 failed and 6 successful requests.
    expect(await evaluate('error_rate', { ...window, thresholdPercent: 50, minRequests: 1, providerAccountId: account.id })).toMatchObject({ breached: false, value: 40 });
    expect(await evaluate('error_rate', { ...window, thresholdPercent: 50, minRequests: 1, providerAccountId: randomUUID() })).toMatchObject({ value: null });
    const p50 = await evaluate('latency', { ...window, percentile: 'p50', thresholdMs: 600_000, minRequests: 6 });
    expect(p50).toMatchObject({ breached: false, value: expect.any(Number) });
    expect(p50.summary).toContain('over 6 requests');
    expect(await evaluate('latency', { ...window, percentile: 'p99', thresholdMs: 1, minRequests: 7 })).toMatchObject({ breached: false, value: null });

    expect(await evaluate('key_disabled', {})).toMatchObject({ breached: false, value: 0 });
    expect(await evaluate('provider_down', {})).toMatchObject({ breached: false, value: 0 });
    const key = account.keys[0]!;
    await owner.call('PATCH', `/api/orgs/${orgId}/provider-accounts/${account.id}/keys/${key.id}`, { enabled: false });
    const disabled = await evaluate('key_disabled', { providerAccountId: account.id });
    expect(disabled).toMatchObject({ breached: true, value: 1 });
    expect(disabled.summary).toContain(`mock/${key.label}`);
    expect(await evaluate('provider_down', { providerAccountId: account.id })).toMatchObject({ breached: true, value: 1, summary: expect.stringContaining('provider down: mock') });
    await owner.call('PATCH', `/api/orgs/${orgId}/provider-accounts/${account.id}/keys/${key.id}`, { enabled: true });
    expect(await evaluate('provider_down', {})).toMatchObject({ breached: false, value: 0 });

    // The provider's rate limit rests the only key: down until the cooldown ends.
    expect((await chat('slow down [[mock:{"status":429,"retryAfterSeconds":60}]]')).status).toBe(429);
    expect(await evaluate('provider_down', {})).toMatchObject({ breached: true, value: 1 });
  });

  it('two evaluations of one reading (two instances with a shared database) notify once: the transition is a conditional update', async () => {
    const raceOrg = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Race Co' })).id;
    await owner.call('PUT', `/api/orgs/${raceOrg}/billing/settings`, { enabled: true });
    const named = await owner.call<NotificationChannelView>('POST', `/api/orgs/${raceOrg}/notification-channels`, {
      kind: 'slack', name: 'named', events: ['invoice.issued'], secrets: { webhookUrl: `${rx.url}/slack/named/${randomBytes(6).toString('hex')}` },
    });
    await owner.call('POST', `/api/orgs/${raceOrg}/notification-channels`, {
      kind: 'slack', name: 'subscribed', events: ['alert.fired'], secrets: { webhookUrl: `${rx.url}/slack/subscribed/${randomBytes(6).toString('hex')}` },
    });
    // Disabled, so the schedule leaves it to this test.
    const created = await owner.call<AlertRuleView>('POST', `/api/orgs/${raceOrg}/alert-rules`, {
      kind: 'low_balance', name: 'balance', params: { threshold: '5.00' }, channelIds: [named.id], enabled: false,
    });
    const rule = await t.app.get(DataSource).getRepository(AlertRule).findOneByOrFail({ id: created.id });
    // Two instances when the database is shared, else two evaluations in one.
    const [a, b] = [t, second ?? t].map((instance) => instance.app.get(AlertEngineService));
    const now = new Date();
    await Promise.all([a!.evaluateRule({ ...rule }, now), b!.evaluateRule({ ...rule }, now)]);

    const [alert, ...more] = await owner.call<AlertEventView[]>('GET', `/api/orgs/${raceOrg}/alerts`);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({ lastValue: '0.000000000', notificationsSent: 1 });
    await eventually(() => rx.at('/slack/named/').length === 1);
    await pause(300);
    expect(rx.at('/slack/named/')).toHaveLength(1);
    expect(JSON.parse(rx.at('/slack/named/')[0]!.body).text).toContain('balance $0.000000000; threshold $5.000000000');
    expect(rx.at('/slack/subscribed/')).toHaveLength(0);

    // Turning a firing rule off closes its firing without a resolution notice.
    await owner.call('PATCH', `/api/orgs/${raceOrg}/alert-rules/${created.id}`, { enabled: false });
    const detail = await owner.call<AlertRuleDetailView>('GET', `/api/orgs/${raceOrg}/alert-rules/${created.id}`);
    expect(detail).toMatchObject({ state: 'ok', history: [{ id: alert!.id, resolvedAt: expect.any(String), notificationsSent: 1 }] });
  });

  it('validates rules against their kind and the org', async () => {
    const post = async (body: unknown) => {
      const res = await owner.raw('POST', `/api/orgs/${orgId}/alert-rules`, body);
      return { status: res.status, param: ((await res.json()) as { error?: { param?: string } }).error?.param };
    };
    expect(await post({ kind: 'latency', name: 'slow', params: { windowSeconds: 60, percentile: 'p42', thresholdMs: 100 } })).toEqual({ status: 400, param: 'params.percentile' });
    expect(await post({ kind: 'smoke', name: 'x', params: {} })).toMatchObject({ status: 400 });
    // Another org's channel is as unknown as one that does not exist.
    const foreign = await outsider.client.call<NotificationChannelView>('POST', `/api/orgs/${otherOrgId}/notification-channels`, { kind: 'in_app', name: 'theirs' });
    expect(await post({ kind: 'key_disabled', name: 'keys', params: {}, channelIds: [foreign.id] })).toEqual({ status: 400, param: 'channelIds' });

    const rule = await owner.call<AlertRuleView>('POST', `/api/orgs/${orgId}/alert-rules`, { kind: 'latency', name: 'slow', params: { windowSeconds: 60, percentile: 'p95', thresholdMs: 2000 } });
    expect(rule.params).toEqual({ windowSeconds: 60, percentile: 'p95', thresholdMs: 2000, minRequests: 10 });
    const bad = await owner.raw('PATCH', `/api/orgs/${orgId}/alert-rules/${rule.id}`, { params: { windowSeconds: 60, percentile: 'p95', thresholdMs: -1 } });
    expect({ status: bad.status, param: ((await bad.json()) as { error: { param: string } }).error.param }).toEqual({ status: 400, param: 'params.thresholdMs' });
    const patched = await owner.call<AlertRuleView>('PATCH', `/api/orgs/${orgId}/alert-rules/${rule.id}`, { params: { windowSeconds: 300, percentile: 'p99', thresholdMs: 5000 }, repeatIntervalSeconds: 600 });
    expect(patched).toMatchObject({ repeatIntervalSeconds: 600, params: { percentile: 'p99', minRequests: 10 } });
    expect((await owner.raw('POST', `/api/orgs/${orgId}/alert-rules`, { kind: 'latency', name: 'slow', params: { windowSeconds: 60, percentile: 'p95', thresholdMs: 1 } })).status).toBe(409);
    await owner.call('DELETE', `/api/orgs/${orgId}/alert-rules/${rule.id}`);
    expect((await owner.raw('GET', `/api/orgs/${orgId}/alert-rules/${rule.id}`)).status).toBe(404);
  });

  it('lets every member read alerts, only admins change rules, and no other org see them', async () => {
    const rules = await viewer.client.call<AlertRuleView[]>('GET', `/api/orgs/${orgId}/alert-rules`);
    expect(rules.map((r) => r.name)).toContain('flaky errors');
    expect((await viewer.client.call<AlertEventView[]>('GET', `/api/orgs/${orgId}/alerts`)).length).toBeGreaterThan(0);
    expect((await viewer.client.raw('POST', `/api/orgs/${orgId}/alert-rules`, { kind: 'key_disabled', name: 'k', params: {} })).status).toBe(403);
    expect((await viewer.client.raw('PATCH', `/api/orgs/${orgId}/alert-rules/${rules[0]!.id}`, { enabled: false })).status).toBe(403);
    expect((await outsider.client.raw('GET', `/api/orgs/${orgId}/alerts`)).status).toBe(404);
    expect((await outsider.client.raw('GET', `/api/orgs/${orgId}/alert-rules/${rules[0]!.id}`)).status).toBe(404);
  });
});
