import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Provider failures the client should not notice, against several mock provider instances. */
describe('resilience: key cooldowns, disabled keys, breakers, bounded retries, fallback chains', () => {
  let t: TestApp;
  let admin: AdminClient;
  let flaky: MockProvider;
  let steady: MockProvider;
  let client: OpenAI;
  let counter = 0;
  const orgId = () => t.credentials.demoOrgId!;
  const ask = (model: string) => client.chat.completions.create({ model, messages: [{ role: 'user', content: 'hi' }] }).withResponse();

  /** A model served first by the flaky mock, then by the steady one (both on their own accounts). */
  async function pairedModel(opts: { flakyKey?: string } = {}) {
    const n = ++counter;
    const a = await admin.createProvider(orgId(), { name: `flaky-${n}`, kind: 'openai', baseUrl: `${flaky.url}/v1`, apiKey: opts.flakyKey ?? 'good-key' });
    const b = await admin.createProvider(orgId(), { name: `steady-${n}`, kind: 'openai', baseUrl: `${steady.url}/v1`, apiKey: 'good-key' });
    const model = `paired-${n}`;
    await admin.createModel(orgId(), model, [
      { providerAccountId: a.id, upstreamModel: 'm', priority: 0 },
      { providerAccountId: b.id, upstreamModel: 'm', priority: 1 },
    ]);
    return { model, flakyAccount: a, steadyAccount: b };
  }

  beforeAll(async () => {
    t = await startTestApp({ UPSTREAM_MAX_ATTEMPTS: '3' });
    admin = new AdminClient(t.url, await t.ownerToken());
    flaky = await startMockProvider({ port: 0, apiKeys: ['good-key'] });
    steady = await startMockProvider({ port: 0, apiKeys: ['good-key'] });
    client = new OpenAI({ apiKey: await admin.createApiKey(orgId()), baseURL: `${t.url}/v1`, maxRetries: 0 });
  });
  beforeEach(() => {
    flaky.setFault(null);
    steady.setFault(null);
  });
  afterAll(async () => {
    await t?.close();
    await flaky?.close();
    await steady?.close();
  });

  it('rests a key that met a 429 for its Retry-After, serves from elsewhere meanwhile, then uses it again', async () => {
    const { model } = await pairedModel();
    flaky.setFault({ status: 429, retryAfterSeconds: 1 });
    const first = await ask(model);
    expect(first.response.headers.get('x-ai-router-provider')).toMatch(/^steady-/);
    flaky.setFault(null);
    const flakyCalls = flaky.requests.length;
    const during = await ask(model);
    expect(during.response.headers.get('x-ai-router-provider')).toMatch(/^steady-/);
    expect(flaky.requests.length).toBe(flakyCalls);
    await new Promise((r) => setTimeout(r, 1_100));
    const after = await ask(model);
    expect(after.response.headers.get('x-ai-router-provider')).toMatch(/^flaky-/);
  });

  it('disables a key the provider refuses and tells the org admins', async () => {
    const { model, flakyAccount } = await pairedModel({ flakyKey: 'revoked-at-provider' });
    const { response } = await ask(model);
    expect(response.headers.get('x-ai-router-provider')).toMatch(/^steady-/);
    const account = await admin.call<{ keys: { enabled: boolean }[] }>('GET', `/api/orgs/${orgId()}/provider-accounts/${flakyAccount.id}`);
    expect(account.keys[0]!.enabled).toBe(false);
    const audit = await admin.call<{ action: string; targetId: string }[]>('GET', `/api/orgs/${orgId()}/audit-log`);
    expect(audit.some((e) => e.action === 'provider_key.disabled')).toBe(true);
    const flakyCalls = flaky.requests.length;
    await ask(model);
    expect(flaky.requests.length).toBe(flakyCalls);
  });

  it('opens the breaker of a failing deployment: traffic stops reaching it, clients see no failure', async () => {
    const { model } = await pairedModel();
    flaky.setFault({ status: 500 });
    const before = flaky.requests.length;
    for (let i = 0; i < 8; i++) expect((await ask(model)).response.status).toBe(200);
    const flakyCalls = flaky.requests.length;
    // The breaker opens after the fifth failure in its window.
    expect(flakyCalls - before).toBe(5);
    for (let i = 0; i < 5; i++) await ask(model);
    expect(flaky.requests.length).toBe(flakyCalls);
  });

  it('never retries more than the configured attempts, and never a 400', async () => {
    const n = ++counter;
    const a = await admin.createProvider(orgId(), { name: `lonely-${n}`, kind: 'openai', baseUrl: `${flaky.url}/v1`, apiKey: 'good-key' });
    await admin.createModel(orgId(), `lonely-${n}`, [{ providerAccountId: a.id, upstreamModel: 'm' }]);
    flaky.setFault({ status: 502 });
    const before = flaky.requests.length;
    await expect(ask(`lonely-${n}`)).rejects.toMatchObject({ status: 502 });
    expect(flaky.requests.length - before).toBe(3);
    flaky.setFault({ status: 400 });
    const again = flaky.requests.length;
    await expect(ask(`lonely-${n}`)).rejects.toMatchObject({ status: 400 });
    expect(flaky.requests.length - again).toBe(1);
  });

  it('falls back along a model chain, and refuses a chain that loops', async () => {
    const n = ++counter;
    const a = await admin.createProvider(orgId(), { name: `chain-a-${n}`, kind: 'openai', baseUrl: `${flaky.url}/v1`, apiKey: 'good-key' });
    const b = await admin.createProvider(orgId(), { name: `chain-b-${n}`, kind: 'openai', baseUrl: `${steady.url}/v1`, apiKey: 'good-key' });
    const backup = await admin.createModel(orgId(), `chain-backup-${n}`, [{ providerAccountId: b.id, upstreamModel: 'm' }]);
    const main = await admin.call<{ id: string }>('POST', `/api/orgs/${orgId()}/models`, {
      name: `chain-main-${n}`, fallbackModels: [`chain-backup-${n}`], deployments: [{ providerAccountId: a.id, upstreamModel: 'm' }],
    });
    flaky.setFault({ status: 503 });
    const { response } = await ask(`chain-main-${n}`);
    expect(response.headers.get('x-ai-router-provider')).toBe(`chain-b-${n}`);
    const loop = await admin.raw('PATCH', `/api/orgs/${orgId()}/models/${backup.id}`, { fallbackModels: [`chain-main-${n}`] });
    expect(loop.status).toBe(400);
    expect(await loop.json()).toMatchObject({ error: { param: 'fallbackModels' } });
    expect(main.id).toBeTruthy();
  });

  it('switches nothing once a stream has started: a mid-stream failure ends that stream', async () => {
    const { model } = await pairedModel();
    const steadyCalls = steady.requests.length;
    const stream = await client.chat.completions.create({ model, stream: true, messages: [{ role: 'user', content: '[[mock:{"errorAfterChunks":2,"chunks":5}]]' }] });
    await expect((async () => { for await (const c of stream) void c; })()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(steady.requests.length).toBe(steadyCalls);
  });
});
