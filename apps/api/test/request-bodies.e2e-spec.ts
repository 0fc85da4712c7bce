import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import type { OrgView, RequestBodyView } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestBodiesService } from '../src/request-bodies/request-bodies.service';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

// Real-looking PII: a mainland mobile, Luhn-valid 16- and 19-digit cards (grouped and unbroken), emails.
const MOBILE = '13812345678';
const MOBILE_SPACED = '139 1234 5678';
const CARD_16 = '4111 1111 1111 1111';
const CARD_19 = '6222021234567890128';
const EMAIL = 'li.lei@example.cn';
const REPLY_EMAIL = 'wang.fang@example.com';
const PROMPT = `我的手机是 ${MOBILE}，备用 ${MOBILE_SPACED}。卡号 ${CARD_16}，银联 ${CARD_19}，邮箱 ${EMAIL}。`;
const SECRETS = [MOBILE, MOBILE_SPACED, CARD_16, CARD_19, EMAIL, REPLY_EMAIL];

describe('request/response body logging per org', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mock: MockProvider;
  let db: DataSource;
  let orgId: string;
  let key: string;

  const chat = async (content: string, extra: object = {}, secret = key) => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'logged', messages: [{ role: 'user', content }], ...extra }),
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    return { requestId: res.headers.get('x-request-id')!, text };
  };
  const bodyPath = (requestId: string) => `/api/orgs/${orgId}/requests/${requestId}/body`;
  const storedBody = (requestId: string) =>
    eventually(() => admin.raw('GET', bodyPath(requestId)), (res) => res.status === 200).then(async (res) => {
      expect(res.status).toBe(200);
      return (await res.json()) as RequestBodyView;
    });
  const rows = async () => Number((await db.query('SELECT count(*)::int AS n FROM request_bodies WHERE org_id = $1', [orgId]))[0].n);
  const usageRows = async () => Number((await db.query('SELECT count(*)::int AS n FROM usage_logs WHERE org_id = $1', [orgId]))[0].n);
  const setLogging = (requestLogging: unknown) => admin.call<OrgView>('PATCH', `/api/orgs/${orgId}`, { requestLogging });

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    mock = await startMockProvider({ port: 0 });
    orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Logged' })).id;
    const account = await admin.createProvider(orgId, { name: 'bodies-mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    await admin.createModel(orgId, 'logged', [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    key = await admin.createApiKey(orgId);
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('stores nothing while the setting is off (the default)', async () => {
    expect((await admin.call<OrgView>('GET', `/api/orgs/${orgId}`)).requestLogging).toBeNull();
    const { requestId } = await chat(PROMPT);
    // The usage row is written through the same queue machinery: once it is there, a body would be too.
    await eventually(usageRows, (n) => n >= 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await rows()).toBe(0);
    expect((await admin.raw('GET', bodyPath(requestId))).status).toBe(404);
  });

  it('validates the setting with the org contract', async () => {
    for (const bad of [{ bodies: true, retentionDays: 0 }, { bodies: true, retentionDays: 366 }, { bodies: 'yes' }, { bodies: true, extra: 1 }]) {
      const res = await admin.raw('PATCH', `/api/orgs/${orgId}`, { requestLogging: bad });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await setLogging({ bodies: true })).requestLogging).toEqual({ bodies: true, retentionDays: 30 });
    expect((await setLogging({ bodies: true, retentionDays: 7 })).requestLogging).toEqual({ bodies: true, retentionDays: 7 });
  });

  it('stores a JSON exchange with PII masked, though the org does not mask prompts upstream', async () => {
    const { requestId, text } = await chat(`${PROMPT} [[mock:{"reply":"好的，我会打 ${MOBILE} 或写信到 ${REPLY_EMAIL}"}]]`);
    // Upstream and the client see everything as sent: this org masks nothing upstream.
    expect(JSON.stringify(mock.requests.at(-1)!.body)).toContain(CARD_19);
    expect(text).toContain(REPLY_EMAIL);

    const stored = await storedBody(requestId);
    expect(stored).toMatchObject({ requestId, status: 200, truncated: false });
    const all = stored.request + stored.response;
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    const request = JSON.parse(stored.request) as { model: string; messages: { content: string }[] };
    expect(request.model).toBe('logged');
    expect(request.messages[0]!.content).toContain('我的手机是');
    expect(request.messages[0]!.content).toContain('1111');
    const response = JSON.parse(stored.response!) as { choices: { message: { content: string } }[] };
    expect(response.choices[0]!.message.content).toContain('好的');
  });

  it('stores the assembled text of a stream, masked', async () => {
    const { requestId, text } = await chat(`hi [[mock:{"reply":"卡号 ${CARD_16} 已登记，邮箱 ${REPLY_EMAIL}","chunks":6}]]`, { stream: true });
    expect(text).toContain('data: [DONE]');
    const stored = await storedBody(requestId);
    const response = JSON.parse(stored.response!) as { choices: { message: { content: string }; finish_reason: string }[] };
    expect(response.choices[0]!.finish_reason).toBe('stop');
    expect(response.choices[0]!.message.content).toMatch(/^卡号 .*1111 已登记，邮箱 /);
    for (const secret of SECRETS) expect(stored.response).not.toContain(secret);
  });

  it('stores the tool calls of a stream with their arguments joined', async () => {
    const tools = [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object', properties: { order: { type: 'string' } }, required: ['order'] } } }];
    const { requestId } = await chat('where is my order', { stream: true, tools, tool_choice: { type: 'function', function: { name: 'lookup_order' } } });
    const response = JSON.parse((await storedBody(requestId)).response!) as { choices: { message: { tool_calls: { function: { name: string; arguments: string } }[] } }[] };
    const call = response.choices[0]!.message.tool_calls[0]!;
    expect(call.function.name).toBe('lookup_order');
    expect(JSON.parse(call.function.arguments)).toHaveProperty('order');
  });

  it('names uploaded files by size instead of storing their bytes', async () => {
    const form = new FormData();
    form.append('model', 'logged');
    form.append('prompt', `add a hat, then mail ${EMAIL}`);
    form.append('image', new Blob([new Uint8Array(2048).fill(7)], { type: 'image/png' }), 'cat.png');
    const res = await fetch(`${t.url}/v1/images/edits`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
    expect(res.status, await res.text()).toBe(200);
    const stored = await storedBody(res.headers.get('x-request-id')!);
    expect(stored.request).toContain('[binary 2048 bytes]');
    expect(stored.request).toContain('cat.png');
    expect(stored.request).not.toContain(EMAIL);
  });

  it('uses the org\'s own detectors when it has masking configured', async () => {
    await admin.call('PATCH', `/api/orgs/${orgId}`, {
      pii: { enabled: true, applyToLogs: true, applyToUpstream: false, builtins: ['email'], custom: [{ name: 'ticket', pattern: 'TCK-\\d{6}' }] },
    });
    const { requestId } = await chat(`ticket TCK-123456 from ${EMAIL}, order 20240101`);
    const stored = await storedBody(requestId);
    expect(stored.request).toContain('[redacted:ticket]');
    expect(stored.request).not.toContain(EMAIL);
    expect(stored.request).toContain('20240101');
    await admin.call('PATCH', `/api/orgs/${orgId}`, { pii: null });
  });

  it('cuts long bodies to a bound and says so', async () => {
    const { requestId } = await chat(`${'长文本 '.repeat(30_000)} ${MOBILE}`);
    const stored = await storedBody(requestId);
    expect(stored.truncated).toBe(true);
    expect(stored.request.length).toBeLessThanOrEqual(64 * 1024);
    expect(stored.request).not.toContain(MOBILE);
  });

  it('lets admins read every body, developers those of their own keys, viewers none', async () => {
    const { requestId } = await chat('plain question');
    await storedBody(requestId);
    const developer = await inviteMember(t.url, admin, orgId, 'dev-bodies@x.test', 'developer');
    const viewer = await inviteMember(t.url, admin, orgId, 'viewer-bodies@x.test', 'viewer');
    expect((await admin.raw('GET', bodyPath(requestId))).status).toBe(200);
    expect((await developer.client.raw('GET', bodyPath(requestId))).status).toBe(404);
    expect((await viewer.client.raw('GET', bodyPath(requestId))).status).toBe(403);
    const own = await developer.client.call<{ secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'dev key' });
    const { requestId: mine } = await chat('my own question', {}, own.secret);
    await storedBody(mine);
    const status = await eventually(async () => (await developer.client.raw('GET', bodyPath(mine))).status, (s) => s === 200);
    expect(status).toBe(200);
    expect((await admin.raw('GET', bodyPath('not-a-request-id'))).status).toBe(404);
  });

  it('deletes bodies past the org\'s retention and keeps the rest', async () => {
    const { requestId: old } = await chat('old question');
    const { requestId: fresh } = await chat('fresh question');
    await storedBody(old);
    await storedBody(fresh);
    await db.query(`UPDATE request_bodies SET created_at = now() - interval '8 days' WHERE request_id = $1`, [old]);
    expect(await t.app.get(RequestBodiesService).purgeExpired()).toBe(1);
    expect((await admin.raw('GET', bodyPath(old))).status).toBe(404);
    expect((await admin.raw('GET', bodyPath(fresh))).status).toBe(200);
  });

  it('stops storing once the org turns the setting off', async () => {
    expect((await setLogging(null)).requestLogging).toBeNull();
    const before = await rows();
    const usageBefore = await usageRows();
    const { requestId } = await chat(PROMPT);
    await eventually(usageRows, (n) => n > usageBefore);
    await new Promise((r) => setTimeout(r, 200));
    expect(await rows()).toBe(before);
    expect((await admin.raw('GET', bodyPath(requestId))).status).toBe(404);
  });
});
