import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/** An org that masks prompts: PII never reaches the provider. */
describe('PII masking before the upstream', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mock: MockProvider;
  let key: string;
  const orgId = () => t.credentials.demoOrgId!;
  const send = (content: string) => fetch(`${t.url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'masked', messages: [{ role: 'user', content }] }),
  });
  const lastPrompt = () => JSON.stringify((mock.requests.at(-1)!.body as { messages: unknown }).messages);

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0 });
    const account = await admin.createProvider(orgId(), { name: 'pii-mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    await admin.createModel(orgId(), 'masked', [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    key = await admin.createApiKey(orgId());
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('sends prompts unchanged while masking is off', async () => {
    expect((await send('call 13800138000')).status).toBe(200);
    expect(lastPrompt()).toContain('13800138000');
  });

  it('masks phone numbers, cards and keys once the org turns it on', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId()}`, {
      pii: { enabled: true, applyToLogs: true, applyToUpstream: true, builtins: ['cn_mobile', 'bank_card', 'api_key', 'email'], custom: [] },
    });
    expect((await send('请联系 13800138000, card 4111 1111 1111 1111, key sk-proj-Ab3dEf9hIjK2mNoP5qRsT8uVwXyZ01, mail jane@example.com')).status).toBe(200);
    const prompt = lastPrompt();
    for (const secret of ['13800138000', '4111 1111 1111 1111', 'sk-proj-Ab3dEf9hIjK2mNoP5qRsT8uVwXyZ01', 'jane@example.com']) {
      expect(prompt).not.toContain(secret);
    }
    expect(prompt).toContain('1111');
  });

  it('refuses a custom rule that could backtrack catastrophically', async () => {
    const res = await admin.raw('PATCH', `/api/orgs/${orgId()}`, {
      pii: { enabled: true, applyToLogs: true, applyToUpstream: true, builtins: [], custom: [{ name: 'bad', pattern: '(a+)+$' }] },
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { param: 'pii' } });
  });
});
