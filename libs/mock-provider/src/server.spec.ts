import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ANTHROPIC_HEADERS, json, parseSse, post, readAll } from './__fixtures__/http';
import { type MockProvider, startMockProvider } from './index';

let mock: MockProvider;
let chat: string;

beforeAll(async () => {
  mock = await startMockProvider();
  chat = `${mock.url}/v1/chat/completions`;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const ask = (content: string, extra: Record<string, unknown> = {}) => ({ model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra });

describe('startMockProvider', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    expect(mock.port).toBeGreaterThan(0);
  });
});

describe('recording', () => {
  it('records method, path, headers, parsed body and completion', async () => {
    await post(`${chat}?trace=1`, ask('Hi'), { 'x-custom': 'yes' });
    expect(mock.requests).toEqual([
      {
        method: 'POST',
        path: '/v1/chat/completions?trace=1',
        headers: expect.objectContaining({ 'x-custom': 'yes', 'content-type': 'application/json' }),
        body: ask('Hi'),
        receivedAt: expect.any(Number),
        aborted: false,
        completed: true,
      },
    ]);
  });

  it('can be turned off', async () => {
    const quiet = await startMockProvider({ recordRequests: false });
    await post(`${quiet.url}/v1/chat/completions`, ask('Hi'));
    expect(quiet.requests).toEqual([]);
    await quiet.close();
  });
});

describe('routing and request errors', () => {
  it('answers unknown paths with a 404 JSON error', async () => {
    const res = await fetch(`${mock.url}/v2/nothing`);
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ type: 'invalid_request_error', code: 'not_found' });
    expect(mock.requests[0].path).toBe('/v2/nothing');
  });

  it("answers unknown paths under a provider's prefix in that provider's error shape", async () => {
    expect(await json(await post(`${mock.url}/v1beta/nothing`, {}))).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    expect(await json(await post(`${mock.url}/openai/nothing`, {}))).toMatchObject({ error: { code: '404' } });
    const bedrock = await post(`${mock.url}/model/m/nothing`, {});
    expect(bedrock.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });

  it('rejects bodies that are not JSON objects', async () => {
    const res = await post(chat, '{not json');
    expect(res.status).toBe(400);
    expect(mock.requests[0].body).toBe('{not json');
  });

  it('rejects bodies over 10 MB with 413', async () => {
    const res = await post(chat, JSON.stringify({ model: 'gpt-4o', padding: 'x'.repeat(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('request_too_large');
  });

  it('rejects a malformed x-mock-fault header or directive with a 400 naming the problem', async () => {
    expect((await post(chat, ask('Hi'), { 'x-mock-fault': 'nope' })).status).toBe(400);
    const res = await post(chat, ask('Hi [[mock:{"latency":100}]]'));
    expect(res.status).toBe(400);
    expect((await json(res)).error.message).toContain("'latency'");
  });
});

describe('api keys', () => {
  let secured: MockProvider;
  beforeAll(async () => {
    secured = await startMockProvider({ apiKeys: ['good'] });
  });
  afterAll(() => secured.close());

  it('answers 401 to other keys in each format', async () => {
    const openai = `${secured.url}/v1/chat/completions`;
    const missing = await post(openai, ask('Hi'));
    expect(missing.status).toBe(401);
    expect((await json(missing)).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_api_key' });
    expect((await post(openai, ask('Hi'), { authorization: 'Bearer bad' })).status).toBe(401);
    expect((await post(openai, ask('Hi'), { authorization: 'Bearer good' })).status).toBe(200);

    const anthropic = `${secured.url}/v1/messages`;
    const body = { model: 'claude', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] };
    const wrong = await post(anthropic, body, ANTHROPIC_HEADERS);
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).error.type).toBe('authentication_error');
    expect((await post(anthropic, body, { ...ANTHROPIC_HEADERS, 'x-api-key': 'good' })).status).toBe(200);
  });
});

describe('faults', () => {
  it('answers the server-level status with Retry-After until reset', async () => {
    mock.setFault({ status: 503, retryAfterSeconds: 4 });
    const res = await post(chat, ask('Hi'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('4');
    expect((await json(res)).error).toMatchObject({ type: 'server_error', code: 'service_unavailable' });
    mock.reset();
    expect((await post(chat, ask('Hi'))).status).toBe(200);
  });

  it('picks the header over the message directive over the server fault', async () => {
    mock.setFault({ status: 500 });
    expect((await post(chat, ask('Hi'))).status).toBe(500);
    expect((await post(chat, ask('Hi [[mock:{"status":429}]]'))).status).toBe(429);
    expect((await post(chat, ask('Hi [[mock:{"status":429}]]'), { 'x-mock-fault': '{"status":502}' })).status).toBe(502);
    // A directive that only shapes the answer does not cancel the server fault.
    expect((await post(chat, ask('Hi [[mock:{"reply":"x"}]]'))).status).toBe(500);
  });

  it('holds answers until released, counting the requests that wait', async () => {
    const gate = mock.hold();
    let answered = 0;
    const pending = Array.from({ length: 3 }, () => post(chat, ask('Hi')).then((r) => (answered++, r.status)));
    while (gate.waiting() < 3) await new Promise((r) => setTimeout(r, 5));
    expect(answered).toBe(0);
    gate.release();
    expect(await Promise.all(pending)).toEqual([200, 200, 200]);
    expect(gate.waiting()).toBe(0);
    expect((await post(chat, ask('Hi'))).status).toBe(200);
  });

  it('delays the response headers by latencyMs plus baseLatencyMs', async () => {
    const slow = await startMockProvider({ baseLatencyMs: 50 });
    const started = Date.now();
    const res = await post(`${slow.url}/v1/chat/completions`, ask('Hi'), { 'x-mock-fault': '{"latencyMs":100}' });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await slow.close();
  });

  it('spaces stream chunks by chunkDelayMs', async () => {
    const started = Date.now();
    const res = await post(chat, ask('Hi [[mock:{"chunks":3,"chunkDelayMs":40}]]', { stream: true }));
    const frames = parseSse(await res.text());
    expect(frames).toHaveLength(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5 * 40 - 10);
  });

  it('drops the connection after dropAfterChunks, without finish or [DONE]', async () => {
    const res = await post(chat, ask('Hello there [[mock:{"dropAfterChunks":2}]]', { stream: true }));
    expect(res.status).toBe(200);
    const { text, error } = await readAll(res);
    expect(error).toBeDefined();
    const frames = parseSse(text);
    expect(frames).toHaveLength(2);
    expect(text).not.toContain('finish_reason":"stop"');
    expect(text).not.toContain('[DONE]');
    await vi.waitFor(() => expect(mock.requests[0]).toMatchObject({ aborted: false, completed: false }));
  });

  it('drops after the headers when dropAfterChunks is 0', async () => {
    const res = await post(chat, ask('Hi', { stream: true }), { 'x-mock-fault': '{"dropAfterChunks":0}' });
    expect(res.status).toBe(200);
    const { text, error } = await readAll(res);
    expect(error).toBeDefined();
    expect(text).toBe('');
  });

  it('sends the mid-stream error frame after errorAfterChunks and ends cleanly', async () => {
    const res = await post(chat, ask('Hi', { stream: true }), { 'x-mock-fault': '{"errorAfterChunks":1}' });
    const { text, error } = await readAll(res);
    expect(error).toBeUndefined();
    const frames = parseSse(text);
    expect(frames).toHaveLength(2);
    expect(JSON.parse(frames[1].data)).toEqual({ error: { message: expect.any(String), type: 'server_error', param: null, code: 'server_error' } });
  });

  it('reports the mid-stream error with the status streamErrorStatus picks', async () => {
    const res = await post(chat, ask('Hi', { stream: true }), { 'x-mock-fault': '{"errorAfterChunks":1,"streamErrorStatus":429}' });
    const frames = parseSse(await res.text());
    expect(JSON.parse(frames[1].data).error).toMatchObject({ type: 'requests', code: 'rate_limit_exceeded' });
  });

  it('fails about failRate of the requests, reproducibly after setFault', async () => {
    const run = async (): Promise<number[]> => {
      mock.setFault({ failRate: 0.5, status: 503 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await post(chat, ask('Hi'))).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });
});

describe('client disconnects', () => {
  it('stops the stream and records the abort', async () => {
    const controller = new AbortController();
    const res = await post(chat, ask('Hi [[mock:{"chunks":20,"chunkDelayMs":30}]]', { stream: true }), {}, controller.signal);
    const reader = res.body!.getReader();
    await reader.read();
    controller.abort();
    await vi.waitFor(() => expect(mock.requests[0]).toMatchObject({ aborted: true, completed: false }));
  });

  it('records an abort during the latency wait', async () => {
    const controller = new AbortController();
    const pending = post(chat, ask('Hi [[mock:{"latencyMs":2000}]]'), {}, controller.signal).catch(() => undefined);
    await vi.waitFor(() => expect(mock.requests).toHaveLength(1));
    controller.abort();
    await pending;
    await vi.waitFor(() => expect(mock.requests[0]).toMatchObject({ aborted: true, completed: false }));
  });

  it('close() ends open streams promptly', async () => {
    const other = await startMockProvider();
    const res = await post(`${other.url}/v1/chat/completions`, ask('Hi [[mock:{"chunks":50,"chunkDelayMs":1000}]]', { stream: true }));
    await res.body!.getReader().read();
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
