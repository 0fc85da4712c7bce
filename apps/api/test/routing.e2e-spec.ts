import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Strategies chosen per model and per org at run time, rules, stickiness and explanations. */
describe('routing strategies through the admin API and the gateway', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mocks: MockProvider[];
  let client: OpenAI;
  let modelId: string;
  const orgId = () => t.credentials.demoOrgId!;
  const providerOf = async (model: string, headers: Record<string, string> = {}, user?: string) =>
    (await client.chat.completions.create({ model, user, messages: [{ role: 'user', content: 'hi' }] }, { headers }).withResponse()).response.headers;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    mocks = await Promise.all([0, 1, 2].map(() => startMockProvider({ port: 0 })));
    const accounts = [];
    for (const [i, m] of mocks.entries()) accounts.push(await admin.createProvider(orgId(), { name: `fleet-${i}`, kind: 'openai', baseUrl: `${m.url}/v1` }));
    modelId = (await admin.createModel(orgId(), 'fleet', accounts.map((a, i) => ({ providerAccountId: a.id, upstreamModel: 'm', priority: i })))).id;
    await admin.createModel(orgId(), 'fleet-cheap', [{ providerAccountId: accounts[2]!.id, upstreamModel: 'cheap' }]);
    client = new OpenAI({ apiKey: await admin.createApiKey(orgId()), baseURL: `${t.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(mocks.map((m) => m.close()));
  });

  it('defaults to priority failover and says so', async () => {
    const headers = await providerOf('fleet');
    expect(headers.get('x-ai-router-strategy')).toBe('priority-failover');
    expect(headers.get('x-ai-router-provider')).toBe('fleet-0');
  });

  it('switches to round robin at run time, without restart', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId()}/models/${modelId}`, { routing: { name: 'round-robin' } });
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) seen.add((await providerOf('fleet')).get('x-ai-router-provider')!);
    expect(seen).toEqual(new Set(['fleet-0', 'fleet-1', 'fleet-2']));
  });

  it('keeps a sticky key on one deployment with consistent hashing', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId()}/models/${modelId}`, { routing: { name: 'consistent-hash' } });
    for (const user of ['alice', 'bob', 'carol']) {
      const first = (await providerOf('fleet', {}, user)).get('x-ai-router-provider');
      for (let i = 0; i < 3; i++) expect((await providerOf('fleet', {}, user)).get('x-ai-router-provider')).toBe(first);
    }
  });

  it('applies a conditional rule that switches the model by tag', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId()}/models/${modelId}`, {
      routing: { name: 'priority-failover', rules: [{ name: 'batch to cheap', when: { tag: 'batch' }, then: { model: 'fleet-cheap' } }] },
    });
    const tagged = await providerOf('fleet', { 'x-ai-router-tags': 'batch' });
    expect(tagged.get('x-ai-router-provider')).toBe('fleet-2');
    expect(tagged.get('x-ai-router-strategy')).toBe('priority-failover; rule=batch to cheap');
    expect((await providerOf('fleet')).get('x-ai-router-provider')).toBe('fleet-0');
  });

  it('uses the org default for models without their own routing', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId()}/models/${modelId}`, { routing: null });
    await admin.call('PATCH', `/api/orgs/${orgId()}`, { routing: { name: 'least-in-flight' } });
    expect((await providerOf('fleet')).get('x-ai-router-strategy')).toBe('least-in-flight');
    await admin.call('PATCH', `/api/orgs/${orgId()}`, { routing: null });
  });

  it('explains a decision without calling any provider, including exclusions', async () => {
    const calls = mocks.map((m) => m.requests.length);
    const preview = await admin.call<{ strategy: string; ordered: { provider: string }[]; excluded: unknown[]; explanation: string[] }>(
      'POST', `/api/orgs/${orgId()}/routing/preview`, { model: 'fleet:fleet-1', messages: [{ role: 'user', content: 'hi' }] },
    );
    expect(preview.ordered.map((o) => o.provider)).toEqual(['fleet-1']);
    expect(preview.excluded).toHaveLength(2);
    expect(preview.explanation[0]).toMatch(/^strategy priority-failover/);
    expect(preview.explanation.some((l) => l.includes('not the pinned provider'))).toBe(true);
    expect(mocks.map((m) => m.requests.length)).toEqual(calls);
  });

  it('rejects an unknown strategy with a named param', async () => {
    const res = await admin.raw('PATCH', `/api/orgs/${orgId()}/models/${modelId}`, { routing: { name: 'fastest-please' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'routing.name' } });
  });

  it('shows per-key stats for the pool', async () => {
    const accounts = await admin.call<{ name: string; keys: { stats: { requests: number; tokens: number; latencyEwmaMs: number } }[] }[]>('GET', `/api/orgs/${orgId()}/provider-accounts`);
    const stats = accounts.find((a) => a.name === 'fleet-0')!.keys[0]!.stats;
    expect(stats.requests).toBeGreaterThan(0);
    expect(stats.tokens).toBeGreaterThan(0);
    expect(stats.latencyEwmaMs).toBeGreaterThan(0);
  });
});
