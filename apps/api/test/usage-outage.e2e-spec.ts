import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { createTestDatabase } from './support/test-database';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { startTestApp, type TestApp } from './support/test-app';

const BUFFER_MAX = 6;

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined as T);
    if ((value !== undefined && ok(value)) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real network fault between the app and PostgreSQL (a TCP proxy the test cuts), so it needs
 * DATABASE_URL; PGlite runs inside the process and cannot be cut.
 */
describe.runIf(process.env.DATABASE_URL)('usage survives a database outage', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let proxy: TcpProxy;
  let t: TestApp;
  let direct: Client;
  let mock: MockProvider;
  let unbilledKey: string;
  let billedKey: string;
  let billedOrg: string;
  const ids: string[] = [];

  const chat = async (key: string, model: string, maxTokens = 5) => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, max_tokens: maxTokens, messages: [{ role: 'user', content: 'hi' }] }),
    });
    if (res.status === 200) ids.push(res.headers.get('x-request-id')!);
    return res;
  };
  const ready = async () => {
    const res = await fetch(`${t.url}/health/ready`);
    const body = (await res.json()) as { details: { usageWriter: { status: string; state: string; backlog: number } } };
    return { status: res.status, writer: body.details.usageWriter };
  };
  /** Read past the proxy, straight from PostgreSQL. */
  const written = async () => (await direct.query<{ rows: number; distinct: number; rollup: number }>(
    `SELECT (SELECT count(*)::int FROM usage_logs) AS rows, (SELECT count(DISTINCT request_id)::int FROM usage_logs) AS distinct,
            (SELECT coalesce(sum(requests), 0)::int FROM usage_rollups_hourly) AS rollup`,
  )).rows[0]!;

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = new URL(database.url!);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 5432));
    direct = new Client({ connectionString: database.url });
    await direct.connect();
    url.port = String(proxy.port);
    t = await startTestApp({ DATABASE_URL: url.toString(), USAGE_BUFFER_MAX: String(BUFFER_MAX) });
    const admin = new AdminClient(t.url, await t.ownerToken());
    unbilledKey = await admin.createApiKey(t.credentials.demoOrgId!);
    mock = await startMockProvider({ port: 0 });
    billedOrg = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Billed' })).id;
    const account = await admin.createProvider(billedOrg, { name: 'mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    const model = await admin.createModel(billedOrg, 'priced', [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    await admin.call('POST', `/api/orgs/${billedOrg}/models/${model.id}/prices`, { inputPerMillion: '3', outputPerMillion: '15', outputLimitTokens: 4096 });
    await admin.call('PUT', `/api/orgs/${billedOrg}/billing/settings`, { enabled: true, priceMultiplierBp: 10_000 });
    await admin.call('POST', `/api/orgs/${billedOrg}/billing/top-ups`, { amount: '10' });
    billedKey = await admin.createApiKey(billedOrg);
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await direct?.end();
    await proxy?.close();
    await mock?.close();
    await database?.drop();
  });

  it('keeps serving unbilled requests and billed ones its balance lease covers, refuses the rest and a full buffer with 503, and writes every row once after the restore', async () => {
    // Keys are cached after their first use; that is what lets requests be authenticated during the outage.
    expect((await chat(unbilledKey, 'demo-chat')).status).toBe(200);
    expect(await eventually(written, (w) => w.rows === 1)).toMatchObject({ rows: 1 });
    // A billed request leases a slice of the org's balance to this instance, which holds the next ones against it in memory.
    expect((await chat(billedKey, 'priced')).status).toBe(200);

    proxy.cut();
    expect((await chat(billedKey, 'priced')).status).toBe(200);
    // Beyond what the lease covers, the balance cannot be checked: refused, retryable, never served unpaid.
    const beyond = await chat(billedKey, 'priced', 4000);
    expect(beyond.status).toBe(503);
    expect(beyond.headers.get('retry-after')).toBe('5');
    expect((await chat(unbilledKey, 'demo-chat')).status).toBe(200);
    // Writes fail and are retried; the instance still serves and says so.
    expect((await eventually(ready, (r) => r.writer.state === 'degraded')).writer).toMatchObject({ status: 'up', state: 'degraded' });
    // A record reaches the buffer a few milliseconds after its answer: fill it one request at a time, each
    // counted (written or waiting) before the next, so the buffer ends exactly full.
    const accounted = () => eventually(async () => (await written()).rows + (await ready()).writer.backlog, (n) => n >= ids.length);
    await accounted();
    while ((await ready()).writer.backlog < BUFFER_MAX) {
      expect((await chat(unbilledKey, 'demo-chat')).status).toBe(200);
      await accounted();
    }

    const degraded = await eventually(ready, (r) => r.writer.backlog === BUFFER_MAX);
    expect(degraded.status).toBe(503);
    expect(degraded.writer).toMatchObject({ status: 'down', state: 'full', backlog: BUFFER_MAX });
    const backlogLine = new RegExp(`ai_router_usage_writer_backlog ${BUFFER_MAX}\\b`);
    const metrics = await eventually(async () => (await fetch(`${t.url}/metrics`)).text(), (m) => backlogLine.test(m));
    expect(metrics).toMatch(backlogLine);
    expect(Number(/ai_router_usage_writer_failures_total (\d+)/.exec(metrics)?.[1])).toBeGreaterThan(0);

    const refused = await chat(unbilledKey, 'demo-chat');
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'overloaded', type: 'api_error' } });

    proxy.restore();
    const after = await eventually(written, (w) => w.rows === ids.length);
    expect(after).toEqual({ rows: ids.length, distinct: ids.length, rollup: ids.length });
    const rows = await direct.query<{ request_id: string }>('SELECT request_id FROM usage_logs ORDER BY request_id');
    expect(rows.rows.map((r) => r.request_id)).toEqual([...ids].sort());
    expect((await eventually(ready, (r) => r.status === 200)).writer).toMatchObject({ status: 'up', state: 'ok', backlog: 0 });

    // Both billed requests are charged once, and the lease is given back once the instance reaches the database again.
    const money = await eventually(async () => (await direct.query<{ balance: string; ledger: string; held: string; charges: number }>(
      `SELECT balance_nano::text AS balance, held_nano::text AS held, (SELECT sum(amount_nano)::text FROM ledger_entries WHERE org_id = $1) AS ledger,
              (SELECT count(*)::int FROM ledger_entries WHERE org_id = $1 AND entry_type = 'charge') AS charges FROM orgs WHERE id = $1`,
      [billedOrg],
    )).rows[0]!, (m) => m.held === '0');
    expect(money).toMatchObject({ held: '0', charges: 2, balance: money.ledger });
    expect((await chat(billedKey, 'priced')).status).toBe(200);
  });
});
