import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActiveHealthCheckService } from '../src/health-checks/active-health-check.service';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/** Scheduled probes find a dead deployment before clients do, and skip models that opted out. */
describe('active health checks', () => {
  let t: TestApp;
  let admin: AdminClient;
  let dead: MockProvider;
  let alive: MockProvider;

  beforeAll(async () => {
    t = await startTestApp({ HEALTH_CHECK_INTERVAL_MS: '200' });
    admin = new AdminClient(t.url, await t.ownerToken());
    dead = await startMockProvider({ port: 0 });
    alive = await startMockProvider({ port: 0 });
    dead.setFault({ status: 503 });
    const orgId = t.credentials.demoOrgId!;
    const a = await admin.createProvider(orgId, { name: 'dead', kind: 'openai', baseUrl: `${dead.url}/v1` });
    const b = await admin.createProvider(orgId, { name: 'alive', kind: 'openai', baseUrl: `${alive.url}/v1` });
    await admin.createModel(orgId, 'probed', [
      { providerAccountId: a.id, upstreamModel: 'm', priority: 0 },
      { providerAccountId: b.id, upstreamModel: 'm', priority: 1 },
    ]);
    await admin.call('POST', `/api/orgs/${orgId}/models`, {
      name: 'expensive', healthCheck: 'off', deployments: [{ providerAccountId: a.id, upstreamModel: 'expensive-model' }],
    });
  });
  afterAll(async () => {
    await t?.close();
    await dead?.close();
    await alive?.close();
  });

  it('opens the breaker of a deployment that fails its probes, so no client request goes there', async () => {
    const service = t.app.get(ActiveHealthCheckService);
    const deadDeployment = await (async () => {
      const models = await admin.call<{ name: string; deployments: { id: string; upstreamModel: string }[] }[]>('GET', `/api/orgs/${t.credentials.demoOrgId}/models`);
      return models.find((m) => m.name === 'probed')!.deployments[0]!.id;
    })();
    const until = Date.now() + 8_000;
    while (Date.now() < until && !(dead.requests.length >= 5 && service.lastResult(deadDeployment)?.ok === false)) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(service.lastResult(deadDeployment)).toMatchObject({ ok: false, status: 503 });
    const probesSoFar = dead.requests.length;
    const client = new OpenAI({ apiKey: t.credentials.demoApiKey!, baseURL: `${t.url}/v1`, maxRetries: 0 });
    const { response } = await client.chat.completions.create({ model: 'probed', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-ai-router-provider')).toBe('alive');
    expect(dead.requests.filter((r, i) => i >= probesSoFar && (r.body as { max_tokens?: number }).max_tokens !== 1)).toHaveLength(0);
    expect(dead.requests.every((r) => (r.body as { model: string }).model !== 'expensive-model')).toBe(true);
  });
});
