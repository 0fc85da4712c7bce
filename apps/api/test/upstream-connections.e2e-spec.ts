import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

const STREAMS = 600;

/** Many long streams to one provider: none may wait for another's upstream connection. */
describe('upstream connections', () => {
  let t: TestApp;
  let mock: MockProvider;
  let apiKey: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0, recordRequests: false });
    const orgId = t.credentials.demoOrgId!;
    const account = await admin.createProvider(orgId, { name: 'wide', kind: 'openai', baseUrl: `${mock.url}/v1` });
    await admin.createModel(orgId, 'wide', [{ providerAccountId: account.id, upstreamModel: 'up-wide' }]);
    apiKey = await admin.createApiKey(orgId);
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it(`streams ${STREAMS} requests to one provider at once, none queued behind another`, async () => {
    // Four chunks 1.5 s apart: a stream that had to wait for another's connection would start only after one ended.
    const body = JSON.stringify({ model: 'wide', stream: true, messages: [{ role: 'user', content: 'wide [[mock:{"chunks":4,"chunkDelayMs":1500}]]' }] });
    const firstChunkAt: number[] = [];
    const endedAt: number[] = [];
    await Promise.all(Array.from({ length: STREAMS }, async () => {
      const res = await fetch(`${t.url}/v1/chat/completions`, {
        method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body,
      });
      expect(res.status).toBe(200);
      let text = '';
      for await (const chunk of res.body!) {
        if (!text) firstChunkAt.push(Date.now());
        text += Buffer.from(chunk).toString();
      }
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      endedAt.push(Date.now());
    }));
    expect(firstChunkAt).toHaveLength(STREAMS);
    expect(Math.max(...firstChunkAt)).toBeLessThan(Math.min(...endedAt));
  }, 60_000);
});
