import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One POST over a raw socket. `chunked` sends the body without a content-length, which the fast path
 * leaves to Fastify: the same request both ways must get the same answer.
 */
function post(url: string, path: string, body: string, { headers = {}, chunked = false }: { headers?: Record<string, string>; chunked?: boolean } = {}): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = http.request(`${url}${path}`, {
      method: 'POST', agent: false,
      headers: { 'content-type': 'application/json', ...(!chunked && { 'content-length': String(Buffer.byteLength(body)) }), ...headers },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => done({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', fail);
    if (chunked) req.write(body);
    req.end(chunked ? undefined : body);
  });
}

const chat = JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'hello' }] });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The /v1 JSON routes answer alike whether a request takes the fast path in front of Fastify or not. */
describe('the /v1 fast path', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(64 * 1024), TRUST_PROXY: 'true' });
    key = t.credentials.demoApiKey!;
  });
  afterAll(() => t.close());

  const auth = () => ({ authorization: `Bearer ${key}` });

  it('answers a request the same with or without a content-length', async () => {
    const fast = await post(t.url, '/v1/chat/completions', chat, { headers: auth() });
    const fastify = await post(t.url, '/v1/chat/completions', chat, { headers: auth(), chunked: true });
    for (const answer of [fast, fastify]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['x-request-id']).toMatch(UUID);
      expect(answer.headers['content-type']).toMatch(/^application\/json/);
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
      expect(JSON.parse(answer.body)).toMatchObject({ object: 'chat.completion', choices: [expect.anything()] });
    }
    expect(fast.headers['x-request-id']).not.toBe(fastify.headers['x-request-id']);
    expect(Object.keys(fast.headers).filter((h) => h.startsWith('x-')).sort()).toEqual(Object.keys(fastify.headers).filter((h) => h.startsWith('x-')).sort());
  });

  it('refuses a body that is not JSON with the same envelope, before the key is checked', async () => {
    const fast = await post(t.url, '/v1/chat/completions', '{"model": ', { headers: { authorization: 'Bearer not-a-key' } });
    const fastify = await post(t.url, '/v1/chat/completions', '{"model": ', { headers: { authorization: 'Bearer not-a-key' }, chunked: true });
    expect(fast.status).toBe(400);
    expect(fast.headers['x-request-id']).toMatch(UUID);
    expect(JSON.parse(fast.body)).toEqual(JSON.parse(fastify.body));
    expect(JSON.parse(fast.body).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('not valid JSON') });
    // Prototype poisoning is refused as Fastify's parser refuses it.
    const poisoned = await post(t.url, '/v1/chat/completions', '{"model":"demo-chat","__proto__":{"x":1},"messages":[]}', { headers: auth() });
    expect(poisoned.status).toBe(400);
  });

  it('validates the body and the key exactly as the Fastify route does', async () => {
    const cases: [string, Record<string, string>][] = [
      [JSON.stringify({ model: 'demo-chat' }), auth()],
      [chat, { authorization: 'Bearer not-a-key' }],
      [JSON.stringify({ model: 'no-such-model', messages: [{ role: 'user', content: 'x' }] }), auth()],
      ['[1, 2]', auth()],
    ];
    for (const [body, headers] of cases) {
      const fast = await post(t.url, '/v1/chat/completions', body, { headers });
      const fastify = await post(t.url, '/v1/chat/completions', body, { headers, chunked: true });
      expect(fast.status).toBe(fastify.status);
      expect(fast.status).toBeGreaterThanOrEqual(400);
      expect(JSON.parse(fast.body)).toEqual(JSON.parse(fastify.body));
    }
  });

  it('leaves requests out of the ordinary to Fastify', async () => {
    expect((await post(t.url, '/v1/chat/completions?trace=1', chat, { headers: auth() })).status).toBe(200);
    const big = await post(t.url, '/v1/chat/completions', JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'x'.repeat(70 * 1024) }] }), { headers: auth() });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).error.type).toBe('invalid_request_error');
    // Fastify reads text/plain as a string, which is not a JSON object.
    const text = await post(t.url, '/v1/chat/completions', chat, { headers: { ...auth(), 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    expect(JSON.parse(text.body).error.message).toBe('The request body must be a JSON object.');
    const embeddings = await post(t.url, '/v1/embeddings', JSON.stringify({ model: 'demo-chat', input: 'hi' }), { headers: auth() });
    expect(embeddings.headers['x-request-id']).toMatch(UUID);
  });

  it('reads the client address through trusted proxies for IP allowlists', async () => {
    const admin = new AdminClient(t.url, await t.ownerToken());
    const office = await admin.call<{ secret: string }>('POST', `/api/orgs/${t.credentials.demoOrgId}/api-keys`, { name: 'office', ipAllowlist: ['203.0.113.0/24'] });
    const headers = (ip: string) => ({ authorization: `Bearer ${office.secret}`, 'x-forwarded-for': ip });
    for (const chunked of [false, true]) {
      expect((await post(t.url, '/v1/chat/completions', chat, { headers: headers('203.0.113.7'), chunked })).status).toBe(200);
      expect((await post(t.url, '/v1/chat/completions', chat, { headers: headers('198.51.100.1'), chunked })).status).toBe(403);
    }
  });
});

describe('the /v1 fast path without a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For and uses the connection address', async () => {
    const admin = new AdminClient(t.url, await t.ownerToken());
    const office = await admin.call<{ secret: string }>('POST', `/api/orgs/${t.credentials.demoOrgId}/api-keys`, { name: 'office', ipAllowlist: ['203.0.113.0/24'] });
    const local = await admin.call<{ secret: string }>('POST', `/api/orgs/${t.credentials.demoOrgId}/api-keys`, { name: 'local', ipAllowlist: ['127.0.0.0/8'] });
    expect((await post(t.url, '/v1/chat/completions', chat, { headers: { authorization: `Bearer ${office.secret}`, 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await post(t.url, '/v1/chat/completions', chat, { headers: { authorization: `Bearer ${local.secret}`, 'x-forwarded-for': '203.0.113.7' } })).status).toBe(200);
  });
});
