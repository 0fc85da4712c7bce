import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockProvider, type MockProvider } from '@ai-router/mock-provider';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Plants recognisable secrets (provider keys, AWS credentials, client keys), drives every error path,
 * then searches everything the gateway writes for them: logs, response bodies, audit rows, usage
 * rows and queue payloads.
 */
describe('secret canary', () => {
  let t: TestApp;
  let mock: MockProvider;
  const logFile = join(tmpdir(), `canary-${randomBytes(4).toString('hex')}.log`);
  const providerSecret = `sk-canary-provider-${randomBytes(8).toString('hex')}`;
  const awsSecret = `canaryAwsSecret${randomBytes(8).toString('hex')}`;
  let clientSecret = '';
  const bodies: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'trace', LOG_FILE: logFile, UPSTREAM_HEADERS_TIMEOUT_MS: '300' });
    // The mock refuses every key but one the gateway does not have: every call meets a provider 401.
    mock = await startMockProvider({ port: 0, apiKeys: ['the-only-valid-key'] });
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('leaks no secret anywhere', async () => {
    const orgId = t.credentials.demoOrgId!;
    const admin = new AdminClient(t.url, await t.ownerToken());
    const record = async (res: Response) => {
      bodies.push(await res.text());
      return res;
    };
    const openai = await admin.createProvider(orgId, { name: 'canary-openai', kind: 'openai', baseUrl: `${mock.url}/v1`, apiKey: providerSecret });
    await admin.call('POST', `/api/orgs/${orgId}/provider-accounts`, {
      name: 'canary-bedrock', kind: 'bedrock', baseUrl: mock.url, settings: { region: 'us-east-1' },
      awsCredentials: { accessKeyId: 'AKIACANARY0000000000', secretAccessKey: awsSecret },
    });
    await admin.createModel(orgId, 'canary', [{ providerAccountId: openai.id, upstreamModel: 'x' }]);
    clientSecret = await admin.createApiKey(orgId, 'canary key');

    // Admin error paths, with secrets in the bodies.
    await record(await admin.raw('POST', `/api/orgs/${orgId}/provider-accounts`, { name: 'bad', kind: 'nope', apiKey: providerSecret }));
    await record(await admin.raw('POST', `/api/orgs/${orgId}/provider-accounts`, { name: 'canary-openai', kind: 'openai', apiKey: providerSecret }));
    await record(await admin.raw('POST', `/api/orgs/${orgId}/provider-accounts/${openai.id}/keys`, { label: 'x', apiKey: providerSecret, extra: providerSecret }));
    await record(await admin.raw('GET', `/api/orgs/${orgId}/provider-accounts`));
    await record(await admin.raw('GET', `/api/orgs/${orgId}/provider-accounts/${openai.id}/upstream-models`));
    await record(await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password: providerSecret }) }));

    // Gateway error paths.
    const v1 = (body: unknown, key = clientSecret) => fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
    }).then(record);
    await v1({ model: 'canary', messages: [{ role: 'user', content: 'hi' }] });
    await v1({ model: 'canary', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    await v1({ model: 'canary', messages: [{ role: 'user', content: 'hi' }] }, `${clientSecret}x`);
    await v1({ model: 'canary', messages: [{ role: 'user', content: 'hi' }] }, providerSecret);
    await v1({ model: 'canary', temperature: 9, messages: [{ role: 'user', content: providerSecret }] });
    await v1({ model: 'missing', messages: [{ role: 'user', content: 'hi' }] });
    await v1({ model: 'demo-chat', messages: [{ role: 'user', content: '[[mock:{"latencyMs":1000}]]' }] });
    await v1({ model: 'demo-chat', messages: [{ role: 'user', content: '[[mock:{"status":500}]]' }] });

    // Let queued usage jobs and async writes land before looking.
    await new Promise((r) => setTimeout(r, 500));
    const db = t.app.get(DataSource);
    const haystacks: Record<string, string> = {
      logs: readFileSync(logFile, 'utf8'),
      responses: bodies.join('\n'),
      audit: JSON.stringify(await db.query('SELECT * FROM audit_log')),
      usage: JSON.stringify(await db.query('SELECT * FROM usage_logs')),
      providerKeys: JSON.stringify(await db.query("SELECT encode(secret_ciphertext, 'escape') AS c, last4, label FROM provider_keys")),
      apiKeys: JSON.stringify(await db.query('SELECT * FROM api_keys')),
    };
    if (process.env.REDIS_URL) {
      const redis = new Redis(process.env.REDIS_URL);
      const keys = await redis.keys(`${t.env.REDIS_PREFIX}:*`);
      const dumps = await Promise.all(keys.map(async (k) => {
        const type = await redis.type(k);
        if (type === 'hash') return JSON.stringify(await redis.hgetall(k));
        if (type === 'string') return (await redis.get(k)) ?? '';
        if (type === 'list') return JSON.stringify(await redis.lrange(k, 0, -1));
        return '';
      }));
      haystacks.queue = dumps.join('\n');
      expect(keys.length).toBeGreaterThan(0);
      await redis.quit();
    }
    expect(haystacks.logs.length).toBeGreaterThan(0);
    const found = Object.entries(haystacks).flatMap(([where, text]) =>
      [providerSecret, awsSecret, clientSecret].filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 12)}…`));
    expect(found).toEqual([]);
  });
});
