import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogDetail, RequestLogPage, RequestLogSummary, UsageReport } from '@ai-router/contracts';
import { AdminClient } from './support/admin-client';
import { eventually } from './support/eventually';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

describe('request logs: list, filters, cursor pages, detail, scope by role', () => {
  let t: TestApp;
  let admin: AdminClient;
  let developer: AdminClient;
  let viewer: AdminClient;
  let mock: MockProvider;
  let orgId: string;
  let otherOrgId: string;
  let adminKey: { id: string; secret: string };
  let devKey: { id: string; secret: string };
  const requestIds: Record<string, string> = {};

  const chat = async (secret: string, model: string, content = 'hello there', stream = false) => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, max_tokens: 10, stream, messages: [{ role: 'user', content }] }),
    });
    await res.text();
    return { status: res.status, requestId: res.headers.get('x-request-id')! };
  };
  const list = (client: AdminClient, query = '', org = orgId) => client.call<RequestLogPage>('GET', `/api/orgs/${org}/requests${query}`);
  const ids = (items: RequestLogSummary[]) => items.map((i) => i.requestId);

  beforeAll(async () => {
    t = await startTestApp({ UPSTREAM_MAX_ATTEMPTS: '1' });
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0 });
    await admin.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
    orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Logged' })).id;
    otherOrgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Elsewhere' })).id;
    const account = await admin.createProvider(orgId, { name: 'mock-account', kind: 'openai', baseUrl: `${mock.url}/v1` });
    for (const name of ['alpha', 'beta']) {
      const model = await admin.createModel(orgId, name, [{ providerAccountId: account.id, upstreamModel: 'mock-gpt-4o-mini' }]);
      await admin.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, { inputPerMillion: '3', outputPerMillion: '15' });
    }
    await admin.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true });
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    adminKey = await admin.call('POST', `/api/orgs/${orgId}/api-keys`, { name: 'admin-key' });
    developer = (await inviteMember(t.url, admin, orgId, 'dev@logs.test', 'developer')).client;
    viewer = (await inviteMember(t.url, admin, orgId, 'viewer@logs.test', 'viewer')).client;
    devKey = await developer.call('POST', `/api/orgs/${orgId}/api-keys`, { name: 'dev-key' });

    // In order, so the newest-first list has a known order: two admin successes, a streamed dev call, a 400 and a 500.
    requestIds.first = (await chat(adminKey.secret, 'alpha')).requestId;
    requestIds.second = (await chat(adminKey.secret, 'beta')).requestId;
    requestIds.dev = (await chat(devKey.secret, 'alpha', 'from the developer', true)).requestId;
    const refused = await chat(adminKey.secret, 'alpha', '[[mock:{"status":400}]]');
    expect(refused.status).toBe(400);
    requestIds.refused = refused.requestId;
    const failed = await chat(adminKey.secret, 'beta', '[[mock:{"status":500}]]');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    requestIds.failed = failed.requestId;
    const rows = await eventually(() => t.app.get(DataSource).query('SELECT count(*)::int AS n FROM usage_logs WHERE org_id = $1', [orgId]), (r) => r[0].n >= 5);
    expect(rows[0].n).toBe(5);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('lists every request of the org for an admin, newest first, with key names and exact cost', async () => {
    const page = await list(admin);
    expect(ids(page.items)).toEqual([requestIds.failed, requestIds.refused, requestIds.dev, requestIds.second, requestIds.first]);
    expect(page.nextCursor).toBeNull();
    const first = page.items.at(-1)!;
    expect(first).toMatchObject({ model: 'alpha', apiKeyId: adminKey.id, apiKeyName: 'admin-key', status: 200, errorCode: null, streamed: false });
    expect(first.inputTokens).toBeGreaterThan(0);
    expect(first.cost).toMatch(/^\d+\.\d{9}$/);
    expect(Number(first.cost)).toBeGreaterThan(0);
    expect(page.items[0]!.errorCode).not.toBeNull();
  });

  it('filters by key, model, status class, exact status and time range', async () => {
    expect(ids((await list(admin, `?apiKeyId=${devKey.id}`)).items)).toEqual([requestIds.dev]);
    expect(ids((await list(admin, '?model=beta')).items)).toEqual([requestIds.failed, requestIds.second]);
    expect(ids((await list(admin, '?status=2xx')).items)).toEqual([requestIds.dev, requestIds.second, requestIds.first]);
    expect(ids((await list(admin, '?status=4xx')).items)).toEqual([requestIds.refused]);
    expect(ids((await list(admin, '?status=400')).items)).toEqual([requestIds.refused]);
    expect(ids((await list(admin, '?status=5xx')).items)).toEqual([requestIds.failed]);
    expect(ids((await list(admin, '?model=alpha&status=2xx')).items)).toEqual([requestIds.dev, requestIds.first]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list(admin, `?from=${encodeURIComponent(future)}`)).items).toEqual([]);
    expect((await list(admin, `?to=${encodeURIComponent(future)}`)).items).toHaveLength(5);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: RequestLogPage = await list(admin, `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([requestIds.failed, requestIds.refused, requestIds.dev, requestIds.second, requestIds.first]);
  });

  it('refuses a malformed query with 400 naming the field', async () => {
    for (const [query, param] of [['?cursor=bogus', 'cursor'], ['?status=2x', 'status'], ['?limit=0', 'limit'], ['?apiKeyId=nope', 'apiKeyId'], ['?from=yesterday', 'from']]) {
      const res = await admin.raw('GET', `/api/orgs/${orgId}/requests${query}`);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { param: string } }).error.param, query).toBe(param);
    }
  });

  it('shows one request in full: routing explanation, tokens, cost, latency, provider', async () => {
    const detail = await admin.call<RequestLogDetail>('GET', `/api/orgs/${orgId}/requests/${requestIds.dev}`);
    expect(detail).toMatchObject({ requestId: requestIds.dev, model: 'alpha', apiKeyName: 'dev-key', status: 200, streamed: true, providerAccountName: 'mock-account' });
    expect(detail.routing.length).toBeGreaterThan(0);
    expect(detail.routing.join('\n')).toMatch(/strategy/i);
    expect(detail.latencyMs).toBeGreaterThanOrEqual(0);
    expect(detail.ttftMs).not.toBeNull();
    expect(detail.deploymentId).not.toBeNull();
    expect(typeof detail.reasoningTokens).toBe('number');
    expect((await admin.raw('GET', `/api/orgs/${orgId}/requests/no-such-request`)).status).toBe(404);
    // The request exists, but not in that org.
    expect((await admin.raw('GET', `/api/orgs/${otherOrgId}/requests/${requestIds.dev}`)).status).toBe(404);
    expect((await list(admin, '', otherOrgId)).items).toEqual([]);
  });

  it('shows a developer only the requests of their own keys; a viewer the whole org', async () => {
    expect(ids((await list(developer)).items)).toEqual([requestIds.dev]);
    expect((await list(developer, `?apiKeyId=${adminKey.id}`)).items).toEqual([]);
    expect((await developer.call<RequestLogDetail>('GET', `/api/orgs/${orgId}/requests/${requestIds.dev}`)).requestId).toBe(requestIds.dev);
    expect((await developer.raw('GET', `/api/orgs/${orgId}/requests/${requestIds.first}`)).status).toBe(404);
    expect((await list(viewer)).items).toHaveLength(5);
    expect((await viewer.call<RequestLogDetail>('GET', `/api/orgs/${orgId}/requests/${requestIds.first}`)).routing.length).toBeGreaterThan(0);
    expect((await developer.raw('GET', `/api/orgs/${otherOrgId}/requests`)).status).toBe(404);
  });

  it('scopes usage analytics the same way', async () => {
    const requests = async (client: AdminClient) => (await client.call<UsageReport>('GET', `/api/orgs/${orgId}/usage?groupBy=model`)).totals.requests;
    expect(await requests(developer)).toBe(1);
    expect(await requests(viewer)).toBe(5);
    expect(await requests(admin)).toBe(5);
  });
});
