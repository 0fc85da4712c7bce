import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrgsService } from '../src/orgs/orgs.service';
import { UsersService } from '../src/users/users.service';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

describe('admin API: login, providers, models and keys', () => {
  let t: TestApp;
  let admin: AdminClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
  });
  afterAll(() => t?.close());

  it('refuses wrong credentials with one answer for both cases', async () => {
    for (const body of [{ email: 'owner@example.com', password: 'wrong-password' }, { email: 'nobody@example.com', password: 'whatever-pass' }]) {
      const res = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    }
  });

  it('validates the login body', async () => {
    const res = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nope' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', param: 'email' } });
  });

  it('needs a token for /api', async () => {
    const res = await fetch(`${t.url}/api/auth/me`);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('tells the owner who they are and which orgs they see', async () => {
    const me = await admin.call<{ email: string; isPlatformOwner: boolean; orgs: { slug: string; role: string }[] }>('GET', '/api/auth/me');
    expect(me.email).toBe('owner@example.com');
    expect(me.isPlatformOwner).toBe(true);
    expect(me.orgs.map((o) => o.slug)).toContain('demo');
  });

  it('creates a provider and a model that serve at once, without restart', async () => {
    const orgId = t.credentials.demoOrgId!;
    const demoOpenAi = (await admin.call<{ id: string; name: string; baseUrl: string }[]>('GET', `/api/orgs/${orgId}/provider-accounts`)).find((a) => a.name === 'demo-openai')!;
    const account = await admin.createProvider(orgId, { name: 'second', kind: 'openai-compatible', baseUrl: demoOpenAi.baseUrl, apiKey: 'sk-second-secret-9876' });
    expect(account.keys).toHaveLength(1);
    expect(account.keys[0]!.last4).toBe('9876');
    expect(JSON.stringify(account)).not.toContain('sk-second-secret');

    const client = new OpenAI({ apiKey: t.credentials.demoApiKey!, baseURL: `${t.url}/v1`, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: 'fresh', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
    const model = await admin.createModel(orgId, 'fresh', [{ providerAccountId: account.id, upstreamModel: 'anything' }]);
    const { response } = await client.chat.completions.create({ model: 'fresh', messages: [{ role: 'user', content: 'x' }] }).withResponse();
    expect(response.headers.get('x-ai-router-provider')).toBe('second');

    await admin.call('PATCH', `/api/orgs/${orgId}/models/${model.id}`, { enabled: false });
    await expect(client.chat.completions.create({ model: 'fresh', messages: [{ role: 'user', content: 'x' }] })).rejects.toMatchObject({ status: 404 });
  });

  it('keeps concurrent writes apart: a failed transaction never takes another request with it', async () => {
    const orgId = t.credentials.demoOrgId!;
    const account = (await admin.call<{ id: string }[]>('GET', `/api/orgs/${orgId}/provider-accounts`))[0]!.id;
    // Failing creations get as far as their deployment before the unknown account aborts them.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      admin.raw('POST', `/api/orgs/${orgId}/models`, {
        name: `concurrent-${i}`,
        deployments: [{ providerAccountId: account, upstreamModel: 'x' }, { providerAccountId: i % 2 ? crypto.randomUUID() : account, upstreamModel: 'y' }],
      })));
    expect(results.filter((r) => r.status === 400)).toHaveLength(20);
    const models = await admin.call<{ name: string; deployments: unknown[] }[]>('GET', `/api/orgs/${orgId}/models`);
    const created = models.filter((m) => m.name.startsWith('concurrent-'));
    expect(created.map((m) => m.name).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `concurrent-${i * 2}`).sort());
    expect(created.every((m) => m.deployments.length === 2)).toBe(true);
  });

  it('rejects bad admin input with a named param', async () => {
    const orgId = t.credentials.demoOrgId!;
    const res = await admin.raw('POST', `/api/orgs/${orgId}/provider-accounts`, { name: 'x', kind: 'nope', baseUrl: 'http://a', apiKey: 'k' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed', param: 'kind' } });
    const dup = await admin.raw('POST', `/api/orgs/${orgId}/models`, { name: 'demo-chat' });
    expect(dup.status).toBe(409);
  });

  it('hides other orgs: a member of one org gets 404 for another', async () => {
    const users = t.app.get(UsersService);
    const orgs = t.app.get(OrgsService);
    const outsider = await users.create({ email: 'outsider@example.com', name: 'Out', password: 'outsider-pass-1' });
    await orgs.create('Elsewhere', 'elsewhere', outsider.id);
    const res = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'outsider@example.com', password: 'outsider-pass-1' }) });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const outsiderClient = new AdminClient(t.url, accessToken);
    const probe = await outsiderClient.raw('GET', `/api/orgs/${t.credentials.demoOrgId}/models`);
    expect(probe.status).toBe(404);
    expect(await probe.text()).not.toContain('demo-chat');
    expect((await outsiderClient.raw('GET', '/api/orgs/not-a-uuid/models')).status).toBe(404);
  });

  it('serves liveness, readiness and metrics', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const ready = await fetch(`${t.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, queue: { status: 'up' } } });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('ai_router_requests_total');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await fetch(`${t.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    const v1 = await fetch(`${t.url}/v1/nothing-here`);
    expect(v1.status).toBe(404);
    expect(await v1.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
