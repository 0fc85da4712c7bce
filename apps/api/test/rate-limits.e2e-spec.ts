import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { startTestApp, type TestApp } from './support/test-app';

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** Fires `count` requests released together and tallies the statuses. */
async function barrier(urls: string[], key: string, count: number, content = 'hi'): Promise<{ statuses: number[]; refusals: Response[] }> {
  const responses = await Promise.all(Array.from({ length: count }, (_, i) =>
    fetch(`${urls[i % urls.length]}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content }] }),
    })));
  return { statuses: responses.map((r) => r.status), refusals: responses.filter((r) => r.status === 429) };
}

describe('rate limits hold under a barrier (all requests released at once)', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  let admin: AdminClient;
  const orgId = () => t.credentials.demoOrgId!;
  const keyWith = async (limits: object) => (await admin.call<{ secret: string }>('POST', `/api/orgs/${orgId()}/api-keys`, { name: 'limited', limits })).secret;

  beforeAll(async () => {
    t = await startTestApp();
    if (shared) second = await startTestApp(t.env);
    admin = new AdminClient(t.url, await t.ownerToken());
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('admits exactly the requests per minute, refusing the rest with 429 and Retry-After', async () => {
    const { statuses, refusals } = await barrier([t.url], await keyWith({ rpm: 5 }), 30);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(refusals).toHaveLength(25);
    const body = (await refusals[0]!.json()) as { error: { code: string; type: string } };
    expect(body.error).toMatchObject({ code: 'rate_limit_exceeded', type: 'rate_limit_error' });
    expect(Number(refusals[0]!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('bounds requests in flight', async () => {
    const { statuses } = await barrier([t.url], await keyWith({ concurrency: 2 }), 12, '[[mock:{"latencyMs":300}]]');
    expect(statuses.filter((s) => s === 200)).toHaveLength(2);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it('applies the org limit across all of its keys', async () => {
    const orgBefore = await admin.call<{ limits: object }>('GET', `/api/orgs/${orgId()}`);
    await admin.call('PATCH', `/api/orgs/${orgId()}`, { limits: { rpm: 4 } });
    try {
      const [a, b] = [await keyWith({ rpm: 100 }), await keyWith({ rpm: 100 })];
      const results = await Promise.all([barrier([t.url], a!, 6), barrier([t.url], b!, 6)]);
      expect(results.flatMap((r) => r.statuses).filter((s) => s === 200)).toHaveLength(4);
    } finally {
      await admin.call('PATCH', `/api/orgs/${orgId()}`, { limits: orgBefore.limits });
    }
  });

  it('describes the tightest limit in x-ratelimit headers', async () => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${await keyWith({ rpm: 50, tpm: 100_000 })}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(res.headers.get('x-ratelimit-limit-requests')).toBe('50');
    expect(res.headers.get('x-ratelimit-remaining-requests')).toBe('49');
    expect(res.headers.get('x-ratelimit-limit-tokens')).toBe('100000');
  });

  it('counts refusals and tokens in /metrics', async () => {
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    const refusals = /ai_router_refusals_total\{reason="rate_limit_exceeded"\} (\d+)/.exec(metrics);
    expect(Number(refusals?.[1])).toBeGreaterThan(0);
    expect(metrics).toMatch(/ai_router_tokens_total\{model="demo-chat",kind="output"\} [1-9]/);
    expect(metrics).toMatch(/ai_router_queue_depth\{queue="schedule"\} \d+/);
    expect(metrics).toMatch(/ai_router_usage_writer_backlog \d+/);
  });

  it.runIf(shared)('holds across two instances sharing Redis', async () => {
    const { statuses } = await barrier([t.url, second!.url], await keyWith({ rpm: 7 }), 40);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
  });

  it.runIf(shared)('admits exactly the limit across two instances whose warm traffic holds leases', async () => {
    const key = await keyWith({ rpm: 50 });
    const startedAt = Date.now();
    const warm: number[] = [];
    for (let i = 0; i < 8; i++) for (const url of [t.url, second!.url]) warm.push((await barrier([url], key, 1)).statuses[0]!);
    const { statuses } = await barrier([t.url, second!.url], key, 200);
    const admitted = [...warm, ...statuses].filter((s) => s === 200).length;
    // the bucket refills at 50 a minute while the test runs
    const refilled = Math.floor(((Date.now() - startedAt) * 50) / 60_000);
    expect(admitted).toBeGreaterThanOrEqual(50);
    expect(admitted).toBeLessThanOrEqual(50 + refilled);
  });

  it.runIf(shared)('admits steady traffic under a large limit with far fewer Redis calls than requests', async () => {
    const monitor = await new Redis(process.env.REDIS_URL!).monitor();
    const prefix = `${t.env.REDIS_PREFIX}:rl:`;
    let scriptCalls = 0;
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (/^eval/i.test(args[0] ?? '') && args.some((a) => a.startsWith(prefix))) scriptCalls++;
    });
    try {
      const key = await keyWith({ rpm: 10_000_000, tpm: 10_000_000_000 });
      const requests = 300;
      for (let i = 0; i < requests; i++) expect((await barrier([t.url], key, 1)).statuses).toEqual([200]);
      expect(scriptCalls).toBeGreaterThan(0);
      expect(scriptCalls).toBeLessThan(requests / 4);
    } finally {
      monitor.disconnect();
    }
  });
});
