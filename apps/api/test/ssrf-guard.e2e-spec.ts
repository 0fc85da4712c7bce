import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

/** Provider base URLs may not point the gateway at internal services unless the platform owner says so. */
describe('SSRF guard on provider base URLs', () => {
  let t: TestApp;
  let owner: AdminClient;
  let orgId: string;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    owner = new AdminClient(t.url, await t.ownerToken());
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Tenant' })).id;
  });
  afterAll(() => t?.close());

  const create = (name: string, baseUrl: string) =>
    owner.raw('POST', `/api/orgs/${orgId}/provider-accounts`, { name, kind: 'openai', baseUrl, apiKey: 'sk-test' });

  it('refuses loopback, private and metadata addresses by default', async () => {
    for (const [i, url] of ['http://127.0.0.1:11434/v1', 'http://localhost:8000/v1', 'http://10.0.0.5/v1', 'http://[::1]:8080/v1', 'http://169.254.169.254/latest'].entries()) {
      const res = await create(`blocked-${i}`, url);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { param: 'baseUrl' } });
    }
  });

  it('accepts a private host the platform owner allowed, never a metadata address', async () => {
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['10.0.0.5', '169.254.169.254'] });
    expect((await create('ollama', 'http://10.0.0.5:11434/v1')).status).toBe(201);
    expect((await create('metadata', 'http://169.254.169.254/latest')).status).toBe(400);
  });

  it('re-checks at connection time, so a host removed from the allowlist is no longer called', async () => {
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
    const account = await owner.call<{ id: string }>('POST', `/api/orgs/${orgId}/provider-accounts`, { name: 'local', kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'k' });
    await owner.createModel(orgId, 'local-model', [{ providerAccountId: account.id, upstreamModel: 'x' }]);
    const key = await owner.createApiKey(orgId);
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: [] });
    const client = new OpenAI({ apiKey: key, baseURL: `${t.url}/v1`, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: 'local-model', messages: [{ role: 'user', content: 'hi' }] }))
      .rejects.toMatchObject({ status: 502, code: 'upstream_host_not_allowed' });
  });

  it('leaves the allowlist to the platform owner', async () => {
    const admin = await inviteMember(t.url, owner, orgId, 'tenant-admin@x.test', 'admin');
    expect((await admin.client.raw('PUT', '/api/platform/private-hosts', { hosts: ['10.0.0.0'] })).status).toBe(403);
    expect((await admin.client.raw('GET', '/api/platform/private-hosts')).status).toBe(403);
  });
});
