import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import type { AlertEventView, NotificationInboxView, QuotaView } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertEngineService } from '../src/alerts/alert-engine.service';
import { AdminClient } from './support/admin-client';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
/** $0.01 per request x the default 1.5 multiplier: every request costs exactly $0.015. */
const PRICE = { perRequest: '0.01', outputLimitTokens: 64 };

describe('period quotas and budgets (policy engine)', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  let admin: AdminClient;
  let mock: MockProvider;
  let orgId: string;
  let ownerId: string;

  const urls = () => (second ? [t.url, second.url] : [t.url]);
  const chat = (url: string, key: string, content = 'hi', headers: Record<string, string> = {}) => fetch(`${url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ model: 'm', max_tokens: 8, messages: [{ role: 'user', content }] }),
  });
  /** `count` requests released together, spread over the given instances. */
  const barrier = async (key: string, count: number, over = [t.url], content?: string) =>
    (await Promise.all(Array.from({ length: count }, (_, i) => chat(over[i % over.length]!, key, content))));
  const ok = (responses: Response[]) => responses.filter((r) => r.status === 200).length;
  const keyIds = new Map<string, string>();
  const newKey = async () => {
    const created = await admin.call<{ id: string; secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'quota test' });
    keyIds.set(created.secret, created.id);
    return created.secret;
  };
  const keyId = async (secret: string) => keyIds.get(secret)!;
  const quota = (body: object) => admin.call<QuotaView>('POST', `/api/orgs/${orgId}/quotas`, body);
  const settled = (id: string) => eventually(() => admin.call<QuotaView>('GET', `/api/orgs/${orgId}/quotas/${id}`), (q) => /^0(\.0+)?$/.test(q.current.reserved));

  beforeAll(async () => {
    t = await startTestApp();
    if (shared) second = await startTestApp(t.env);
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0 });
    orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Quotas' })).id;
    ownerId = (await admin.call<{ id: string }>('GET', '/api/auth/me')).id;
    const account = await admin.createProvider(orgId, { name: 'mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    const model = await admin.createModel(orgId, 'm', [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    await admin.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, PRICE);
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await mock?.close();
  });

  it('admits exactly the hard request quota under a barrier and says when it resets', async () => {
    const key = await newKey();
    const q = await quota({ name: 'daily requests', scope: 'key', subjectId: await keyId(key), metric: 'requests', period: 'day', limit: '5' });
    const responses = await barrier(key, 30);
    expect(ok(responses)).toBe(5);
    const refusal = responses.find((r) => r.status === 429)!;
    const body = (await refusal.json()) as { error: { code: string; type: string; message: string } };
    expect(body.error).toMatchObject({ code: 'insufficient_quota', type: 'insufficient_quota' });
    const midnight = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1));
    expect(body.error.message).toContain(midnight.toISOString());
    expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThan(0);
    const view = await settled(q.id);
    expect(view.current).toMatchObject({ used: '5', reserved: '0', resetsAt: midnight.toISOString() });
  });

  it('holds a budget to the cent under a barrier, notifying each threshold once', async () => {
    const key = await newKey();
    // Ten requests of $0.015 fit in $0.15; the eleventh cannot.
    const q = await quota({ name: 'team budget', scope: 'org', metric: 'cost', period: 'month', limit: '0.15', thresholds: [50, 80, 100] });
    try {
      expect(ok(await barrier(key, 40))).toBe(10);
      expect(ok(await barrier(key, 5))).toBe(0);
      const view = await settled(q.id);
      expect(view.current.used).toBe('0.150000000');
      const inbox = await eventually(
        () => admin.call<NotificationInboxView>('GET', `/api/orgs/${orgId}/notifications?limit=100`),
        (v) => v.items.filter((n) => n.type === 'budget.threshold').length >= 3,
      );
      const thresholds = inbox.items.filter((n) => n.type === 'budget.threshold').map((n) => n.data.percent).sort((a, b) => Number(a) - Number(b));
      expect(thresholds).toEqual([50, 80, 100]);
    } finally {
      await admin.call('DELETE', `/api/orgs/${orgId}/quotas/${q.id}`);
    }
  });

  it('an alert rule on a budget fires once the budget passes its percent', async () => {
    const key = await newKey();
    const q = await quota({ name: 'alerted budget', scope: 'key', subjectId: await keyId(key), metric: 'cost', period: 'day', limit: '0.03', hard: false });
    try {
      const rule = await admin.call<{ id: string }>('POST', `/api/orgs/${orgId}/alert-rules`, {
        name: 'budget half used', kind: 'budget_threshold', params: { quotaId: q.id, percent: 50 },
      });
      const engine = t.app.get(AlertEngineService);
      const firing = () => admin.call<AlertEventView[]>('GET', `/api/orgs/${orgId}/alerts?ruleId=${rule.id}`);
      await engine.evaluateAll();
      expect(await firing()).toHaveLength(0);
      expect(ok(await barrier(key, 1))).toBe(1);
      await settled(q.id);
      await engine.evaluateAll();
      const [alert] = await firing();
      expect(alert).toMatchObject({ kind: 'budget_threshold', resolvedAt: null, lastValue: 50, summary: expect.stringContaining('alerted budget') });
      await admin.call('DELETE', `/api/orgs/${orgId}/alert-rules/${rule.id}`);
    } finally {
      await admin.call('DELETE', `/api/orgs/${orgId}/quotas/${q.id}`);
    }
  });

  it('counts a member across all of their keys', async () => {
    const [a, b] = [await newKey(), await newKey()];
    // The owner has already made requests this hour (earlier tests): they count, so the limit sits 4 above them.
    const q = await quota({ name: 'per member', scope: 'user', subjectId: ownerId, metric: 'requests', period: 'hour', limit: '1000000' });
    const patched = await admin.call<QuotaView>('PATCH', `/api/orgs/${orgId}/quotas/${q.id}`, { limit: String(Number(q.current.used) + 4) });
    expect(Number(patched.current.used)).toBeGreaterThan(0);
    try {
      const results = await Promise.all([barrier(a, 6), barrier(b, 6)]);
      expect(ok(results.flat())).toBe(4);
    } finally {
      await admin.call('DELETE', `/api/orgs/${orgId}/quotas/${q.id}`);
    }
  });

  it('a soft quota never refuses, it only notifies', async () => {
    const key = await newKey();
    const q = await quota({ name: 'soft tokens', scope: 'key', subjectId: await keyId(key), metric: 'tokens', period: 'day', limit: '10', thresholds: [100], hard: false });
    expect(ok(await barrier(key, 6))).toBe(6);
    const view = await settled(q.id);
    expect(Number(view.current.used)).toBeGreaterThan(10);
  });

  it('seeds a new quota from the usage already recorded in its window', async () => {
    const key = await newKey();
    expect(ok(await barrier(key, 3))).toBe(3);
    const id = await keyId(key);
    const db = t.app.get(DataSource);
    await eventually(async () => (await db.query('SELECT count(*)::int AS n FROM usage_logs WHERE api_key_id = $1', [id]))[0].n as number, (n) => n === 3);
    const q = await quota({ name: 'late', scope: 'key', subjectId: id, metric: 'requests', period: 'month', limit: '5' });
    expect(q.current.used).toBe('3');
    expect(ok(await barrier(key, 10))).toBe(2);
  });

  it('limits each client address and each member per minute (org settings)', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId}`, { ipLimits: { rpm: 3 } });
    try {
      const [a, b] = [await newKey(), await newKey()];
      const results = await Promise.all([barrier(a, 5), barrier(b, 5)]);
      expect(ok(results.flat())).toBe(3);
      const refusal = results.flat().find((r) => r.status === 429)!;
      expect(((await refusal.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limit_exceeded', message: expect.stringContaining('network address') });
    } finally {
      await admin.call('PATCH', `/api/orgs/${orgId}`, { ipLimits: {} });
    }
    await admin.call('PATCH', `/api/orgs/${orgId}`, { userLimits: { rpm: 2 } });
    try {
      expect(ok(await barrier(await newKey(), 6))).toBe(2);
    } finally {
      await admin.call('PATCH', `/api/orgs/${orgId}`, { userLimits: {} });
    }
  });

  it('refuses quotas that do not make sense, naming the field', async () => {
    const refused = async (body: object, param: string) => {
      const res = await admin.raw('POST', `/api/orgs/${orgId}/quotas`, body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain(param);
    };
    await refused({ name: 'x', scope: 'key', metric: 'requests', period: 'day', limit: '5' }, 'subjectId');
    await refused({ name: 'x', scope: 'org', metric: 'tokens', period: 'day', limit: '1.5' }, 'limit');
    await refused({ name: 'x', scope: 'org', metric: 'cost', period: 'fortnight', limit: '5' }, 'period');
    const otherOrg = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Other' })).id;
    const foreignKey = (await admin.call<{ id: string }>('POST', `/api/orgs/${otherOrg}/api-keys`, { name: 'k' })).id;
    await refused({ name: 'x', scope: 'key', subjectId: foreignKey, metric: 'requests', period: 'day', limit: '5' }, 'subjectId');
  });

  it.runIf(shared)('holds across two instances sharing Redis', async () => {
    const key = await newKey();
    await quota({ name: 'shared', scope: 'key', subjectId: await keyId(key), metric: 'requests', period: 'day', limit: '7' });
    expect(ok(await barrier(key, 40, urls()))).toBe(7);
  });
});
