import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** Two API instances on one PostgreSQL and Redis, as replicas behind a load balancer. */
describe.runIf(shared)('a key revoked on one instance is refused by another within a second', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp(first.env);
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('refuses the key on the second instance after revocation on the first', async () => {
    const orgId = first.credentials.demoOrgId!;
    const admin = new AdminClient(first.url, await first.ownerToken());
    const created = await admin.call<{ id: string; secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'to-revoke' });
    const onSecond = new OpenAI({ apiKey: created.secret, baseURL: `${second.url}/v1`, maxRetries: 0 });
    const ask = () => onSecond.chat.completions.create({ model: 'demo-chat', messages: [{ role: 'user', content: 'hi' }] });
    // Warm the second instance's key cache: without invalidation it would keep accepting the key.
    await ask();
    await ask();

    await admin.call('POST', `/api/orgs/${orgId}/api-keys/${created.id}/revoke`);
    const revokedAt = Date.now();
    let refusedAfter = -1;
    while (Date.now() - revokedAt < 1_000) {
      try {
        await ask();
      } catch (err) {
        expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
        refusedAfter = Date.now() - revokedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(refusedAfter).toBeGreaterThanOrEqual(0);
    expect(refusedAfter).toBeLessThan(1_000);
  });

  it('ends a console session on every instance at logout', async () => {
    const login = await fetch(`${first.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: first.ownerPassword }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const me = () => fetch(`${second.url}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect((await me()).status).toBe(200);
    expect((await fetch(`${first.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(204);
    const until = Date.now() + 1_000;
    let status = 200;
    while (Date.now() < until && status === 200) {
      status = (await me()).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 20));
    }
    expect(status).toBe(401);
  });
});
