import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { type IncomingMessage, request as httpRequest } from 'node:http';
import OpenAI from 'openai';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

const fault = (spec: object) => `[[mock:${JSON.stringify(spec)}]]`;

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Upstream failures, failover, disconnects and usage recording, against our own mock provider instances. */
describe('gateway upstream faults', () => {
  let t: TestApp;
  let admin: AdminClient;
  let primary: MockProvider;
  let backup: MockProvider;
  let client: OpenAI;
  let apiKey: string;
  const orgId = () => t.credentials.demoOrgId!;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: String(256 * 1024), UPSTREAM_HEADERS_TIMEOUT_MS: '600', UPSTREAM_MAX_ATTEMPTS: '2' });
    admin = new AdminClient(t.url, await t.ownerToken());
    primary = await startMockProvider({ port: 0 });
    backup = await startMockProvider({ port: 0 });
    const p = await admin.createProvider(orgId(), { name: 'primary', kind: 'openai', baseUrl: `${primary.url}/v1` });
    const b = await admin.createProvider(orgId(), { name: 'backup', kind: 'anthropic', baseUrl: backup.url });
    await admin.createModel(orgId(), 'solo', [{ providerAccountId: p.id, upstreamModel: 'up-solo' }]);
    await admin.createModel(orgId(), 'resilient', [
      { providerAccountId: p.id, upstreamModel: 'up-primary', priority: 0 },
      { providerAccountId: b.id, upstreamModel: 'up-backup', priority: 1 },
    ]);
    apiKey = await admin.createApiKey(orgId());
    client = new OpenAI({ apiKey, baseURL: `${t.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await t?.close();
    await primary?.close();
    await backup?.close();
  });

  let isolatedCount = 0;
  /** A model on its own provider account: faults that rest keys or trip breakers stay inside one test. */
  const isolated = async () => {
    const name = `isolated-${++isolatedCount}`;
    const account = await admin.createProvider(orgId(), { name: `${name}-account`, kind: 'openai', baseUrl: `${primary.url}/v1` });
    await admin.createModel(orgId(), name, [{ providerAccountId: account.id, upstreamModel: 'up-isolated' }]);
    return name;
  };

  const post = (body: unknown, extra: RequestInit = {}) =>
    fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body), ...extra,
    });

  it('fails over to the backup when the primary answers 500, and the client never notices', async () => {
    primary.setFault({ status: 500 });
    try {
      const { data, response } = await client.chat.completions.create({ model: 'resilient', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
      expect(data.choices[0]!.message.content).toBeTruthy();
      expect(response.headers.get('x-ai-router-provider')).toBe('backup');
    } finally {
      primary.setFault(null);
    }
  });

  it('maps an upstream 500 to 502 when nothing else can serve', async () => {
    const res = await post({ model: await isolated(), messages: [{ role: 'user', content: `hi ${fault({ status: 500 })}` }] });
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('server_error'); // the upstream's error type, relayed
  });

  it('never blames the client for a provider credential rejected upstream', async () => {
    const res = await post({ model: await isolated(), messages: [{ role: 'user', content: `hi ${fault({ status: 401 })}` }] });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_auth_failed' } });
  });

  it('answers 503 when the upstream is unavailable, and when no deployment matches a pin', async () => {
    const unavailable = await post({ model: await isolated(), messages: [{ role: 'user', content: `hi ${fault({ status: 503 })}` }] });
    expect(unavailable.status).toBe(503);
    const pinned = await post({ model: 'solo:nobody', messages: [{ role: 'user', content: 'hi' }] });
    expect(pinned.status).toBe(503);
    expect(await pinned.json()).toMatchObject({ error: { code: 'no_deployment_available' } });
  });

  it('limits a key to its allowed models, in the catalogue and on calls', async () => {
    const { secret } = await admin.call<{ secret: string }>('POST', `/api/orgs/${orgId()}/api-keys`, { name: 'narrow', allowedModels: ['solo'] });
    const narrow = new OpenAI({ apiKey: secret, baseURL: `${t.url}/v1`, maxRetries: 0 });
    expect((await narrow.models.list()).data.map((m) => m.id)).toEqual(['solo']);
    await expect(narrow.models.retrieve('resilient')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(narrow.chat.completions.create({ model: 'resilient', messages: [{ role: 'user', content: 'x' }] }))
      .rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it('relays 429 with Retry-After', async () => {
    const res = await post({ model: await isolated(), messages: [{ role: 'user', content: `hi ${fault({ status: 429, retryAfterSeconds: 7 })}` }] });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    // The upstream's own error object is relayed (OpenAI says type "requests" for request-rate limits).
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limit_exceeded');
  });

  it('answers 504 when the upstream is too slow', async () => {
    const res = await post({ model: await isolated(), messages: [{ role: 'user', content: `hi ${fault({ latencyMs: 2_000 })}` }] });
    expect(res.status).toBe(504);
  });

  it('answers 413 for a body over the limit, in the OpenAI envelope', async () => {
    const res = await post({ model: 'solo', messages: [{ role: 'user', content: 'x'.repeat(300 * 1024) }] });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBeTruthy();
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: '{"model":',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
  });

  it('passes unknown fields through to OpenAI-format upstreams', async () => {
    const before = primary.requests.length;
    const res = await post({ model: 'solo', messages: [{ role: 'user', content: 'hi' }], vendor_extension: { mode: 'fast' } });
    expect(res.status).toBe(200);
    const sent = primary.requests[before]!.body as Record<string, unknown>;
    expect(sent.vendor_extension).toEqual({ mode: 'fast' });
    expect(sent.model).toBe('up-solo');
  });

  it('pins a provider with model:provider', async () => {
    const { response } = await client.chat.completions.create({ model: 'resilient:backup', messages: [{ role: 'user', content: 'hi' }] }).withResponse();
    expect(response.headers.get('x-ai-router-provider')).toBe('backup');
  });

  it('ends a stream that fails mid-way with an error event, without switching provider', async () => {
    const before = backup.requests.length;
    const stream = await client.chat.completions.create({
      model: 'resilient', stream: true, messages: [{ role: 'user', content: `story ${fault({ errorAfterChunks: 2, chunks: 6 })}` }],
    });
    const seen: string[] = [];
    await expect((async () => { for await (const c of stream) seen.push(c.choices[0]?.delta.content ?? ''); })()).rejects.toBeInstanceOf(OpenAI.APIError);
    expect(seen.length).toBeGreaterThan(0);
    expect(backup.requests.length).toBe(before);
  });

  it('reports a stream dropped without a finish reason as an error', async () => {
    const stream = await client.chat.completions.create({
      model: 'solo', stream: true, messages: [{ role: 'user', content: `story ${fault({ dropAfterChunks: 2, chunks: 6 })}` }],
    });
    await expect((async () => { for await (const _ of stream) void _; })()).rejects.toMatchObject({ code: 'upstream_stream_truncated', message: expect.stringContaining('ended before') });
  });

  it('aborts the upstream call when the client disconnects mid-stream, and still records the request', async () => {
    const before = primary.requests.length;
    const controller = new AbortController();
    const res = await post(
      { model: 'solo', stream: true, messages: [{ role: 'user', content: `long ${fault({ chunks: 200, chunkDelayMs: 20 })}` }] },
      { signal: controller.signal },
    );
    const requestId = res.headers.get('x-request-id')!;
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    const upstream = await eventually(() => primary.requests[before]?.aborted);
    expect(upstream).toBe(true);
    const db = t.app.get(DataSource);
    const row = await eventually(async () => (await db.query('SELECT status, streamed FROM usage_logs WHERE request_id = $1', [requestId]))[0]);
    expect(row).toMatchObject({ status: 499, streamed: true });
  });

  describe('a client that stops reading a stream', () => {
    // 120,000 one-character chunks: about 23 MB of events, more than loopback socket buffers hold.
    const REPLY = 'abcdefghij'.repeat(12_000);
    const openPaused = async () => {
      const before = primary.requests.length;
      const payload = JSON.stringify({ model: 'solo', stream: true, messages: [{ role: 'user', content: `big ${fault({ reply: REPLY, chunks: REPLY.length })}` }] });
      const req = httpRequest(`${t.url}/v1/chat/completions`, {
        method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      });
      const res = await new Promise<IncomingMessage>((resolve, reject) => req.on('response', resolve).on('error', reject).end(payload));
      res.pause();
      // The gateway waits for this client to drain, so it stops reading the upstream, which cannot finish.
      await new Promise((r) => setTimeout(r, 1_000));
      const upstream = await eventually(() => primary.requests[before]);
      expect(upstream).toMatchObject({ completed: false, aborted: false });
      return { req, res, upstream };
    };

    it('holds the upstream back until the client reads again, then delivers every chunk', async () => {
      const { res, upstream } = await openPaused();
      res.setEncoding('utf8');
      let text = '';
      for await (const chunk of res) text += chunk;
      const frames = text.split('\n\n').filter(Boolean).map((f) => f.replace(/^data: /, ''));
      expect(frames.at(-1)).toBe('[DONE]');
      const content = frames.slice(0, -1).map((f) => (JSON.parse(f) as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? '').join('');
      expect(content).toBe(REPLY);
      expect(upstream.completed).toBe(true);
    });

    it('gives up when that client leaves while the gateway waits for it, and records the request', async () => {
      const { req, res, upstream } = await openPaused();
      const requestId = String(res.headers['x-request-id']);
      req.destroy();
      expect(await eventually(() => upstream.aborted)).toBe(true);
      const db = t.app.get(DataSource);
      const row = await eventually(async () => (await db.query('SELECT status, streamed FROM usage_logs WHERE request_id = $1', [requestId]))[0]);
      expect(row).toMatchObject({ status: 499, streamed: true });
    });
  });

  it('records one usage row per request, with tokens', async () => {
    const { response } = await client.chat.completions.create({ model: 'solo', messages: [{ role: 'user', content: 'count me' }] }).withResponse();
    const requestId = response.headers.get('x-request-id')!;
    const db = t.app.get(DataSource);
    const rows = await eventually(async () => {
      const r = await db.query('SELECT * FROM usage_logs WHERE request_id = $1', [requestId]);
      return r.length ? r : undefined;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 200, model: 'solo', operation: 'chat', streamed: false });
    expect(rows[0].input_tokens).toBeGreaterThan(0);
    expect(rows[0].output_tokens).toBeGreaterThan(0);
  });
});
