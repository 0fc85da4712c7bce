import { randomUUID } from 'node:crypto';
import type { UsageDeadLetter, UsageReport } from '@ai-router/contracts';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalanceLeasesService } from '../src/billing/balance-leases.service';
import { formatDollars } from '../src/billing/money';
import { UsageBatchStore } from '../src/usage/usage-batch.store';
import { usageCharge, usageChargeCeiling } from '../src/usage/usage-cost';
import { UsagePartitionService } from '../src/usage/usage-partition.service';
import { monthStart, partitionName } from '../src/usage/usage-partitions';
import type { UsageRecord } from '../src/usage/usage-record';
import { UsageRecorderService } from '../src/usage/usage-recorder.service';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { eventually } from './support/eventually';
import { createTestDatabase } from './support/test-database';
import { startTestApp, type TestApp } from './support/test-app';

const PRICE = { inputPerMillion: '3000000000', outputPerMillion: '15000000000', cachedInputPerMillion: '0', cacheWritePerMillion: '0', perImage: '0', perRequest: '0' };

/** A finished request as the gateway records it. */
function usageRecord(orgId: string, startedAt: Date, extra: Partial<UsageRecord> = {}): UsageRecord {
  return {
    requestId: randomUUID(), startedAt: startedAt.toISOString(), orgId, apiKeyId: null, userId: null, model: 'm', deploymentId: null,
    providerAccountId: null, operation: 'chat', status: 200, latencyMs: 40, ttftMs: null, streamed: false, errorCode: null, routing: null,
    usage: { inputTokens: 100, outputTokens: 20, cachedInputTokens: 5, cacheWriteTokens: 0, reasoningTokens: 0 }, billing: null, billed: false, ...extra,
  };
}

describe('usage pipeline: batches, rollups, partitions, reports', () => {
  let t: TestApp;
  let admin: AdminClient;
  let db: DataSource;
  let store: UsageBatchStore;
  const newOrg = async (name: string) => (await admin.call<{ id: string }>('POST', '/api/orgs', { name })).id;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    admin = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    store = t.app.get(UsageBatchStore);
  });
  afterAll(() => t?.close());

  it('writes a replayed batch once: one row, one charge, rollups counted once, balance equal to the ledger', async () => {
    const orgId = await newOrg('Replayed');
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    const leases = t.app.get(BalanceLeasesService);
    const billed = { multiplierBp: 10_000, price: PRICE, promptEstimate: 100 };
    const batch = [usageRecord(orgId, new Date(), { billing: billed, billed: true }), usageRecord(orgId, new Date(), { billing: billed, billed: true }), usageRecord(orgId, new Date())];
    for (const r of batch.slice(0, 2)) {
      const hold = await leases.hold(orgId, 5_000_000_000n);
      r.hold = { leaseId: hold.leaseId, amount: hold.amount.toString() };
      leases.release(hold, usageChargeCeiling(r, usageCharge(r)));
    }

    expect(await store.write(batch)).toBe(3);
    expect(await store.write(batch)).toBe(0);
    // A batch that overlaps a written one (a consumer died after commit, before acknowledging).
    expect(await store.write([...batch, batch[0]!])).toBe(0);

    // Once the lease is given back (it is idle), nothing stays held.
    const [state] = await eventually(() => db.query(
      `SELECT (SELECT count(*)::int FROM usage_logs WHERE org_id = $1) AS rows,
              (SELECT count(*)::int FROM ledger_entries WHERE org_id = $1 AND entry_type = 'charge') AS charges,
              (SELECT sum(amount_nano)::text FROM ledger_entries WHERE org_id = $1) AS ledger,
              (SELECT balance_nano::text FROM orgs WHERE id = $1) AS balance, (SELECT held_nano::text FROM orgs WHERE id = $1) AS held,
              (SELECT sum(requests)::int FROM usage_rollups_hourly WHERE org_id = $1) AS hourly,
              (SELECT sum(requests)::int FROM usage_rollups_daily WHERE org_id = $1) AS daily,
              (SELECT sum(input_tokens)::int FROM usage_rollups_daily WHERE org_id = $1) AS input`,
      [orgId],
    ) as Promise<{ held: string }[]>, ([s]) => s?.held === '0');
    // 95 uncached input tokens at $3/M (the 5 cached are priced at 0) + 20 output at $15/M = $0.000585 each.
    expect(state).toEqual({ rows: 3, charges: 2, ledger: '9998830000', balance: '9998830000', held: '0', hourly: 3, daily: 3, input: 300 });
  });

  it('keeps the coming months partitioned, moves early rows out of DEFAULT, and drops months past retention while rollups stay', async () => {
    const orgId = await newOrg('Partitioned');
    const maintenance = t.app.get(UsagePartitionService);
    const now = new Date();
    const old = new Date(Date.UTC(2024, 0, 15, 12));
    const recent = new Date(monthStart(now, -4).getTime() + 3600_000);
    await db.query(`CREATE TABLE usage_logs_2024_01 PARTITION OF usage_logs FOR VALUES FROM ('2024-01-01T00:00:00Z') TO ('2024-02-01T00:00:00Z')`);
    const oldRecord = usageRecord(orgId, old);
    const recentRecord = usageRecord(orgId, recent);
    await store.write([oldRecord, recentRecord]);
    const where = async (requestId: string) =>
      ((await db.query('SELECT tableoid::regclass::text AS partition FROM usage_logs WHERE request_id = $1', [requestId])) as { partition: string }[])[0]?.partition;
    expect(await where(oldRecord.requestId)).toBe('usage_logs_2024_01');
    expect(await where(recentRecord.requestId)).toBe('usage_logs_default');

    const plan = await maintenance.maintain(now);
    expect(plan.drop).toContain('usage_logs_2024_01');
    const partitions = ((await db.query("SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_logs'::regclass")) as { name: string }[])
      .map((p) => p.name);
    expect(partitions).not.toContain('usage_logs_2024_01');
    for (const offset of [0, 1, 2]) expect(partitions).toContain(partitionName(monthStart(now, offset)));
    expect(await where(oldRecord.requestId)).toBeUndefined();
    expect(await where(recentRecord.requestId)).toBe(partitionName(recent));
    const [rollups] = await db.query(
      'SELECT (SELECT sum(requests)::int FROM usage_rollups_daily WHERE org_id = $1 AND bucket_start = $2) AS old, (SELECT sum(requests)::int FROM usage_rollups_hourly WHERE org_id = $1) AS hourly',
      [orgId, new Date(Date.UTC(2024, 0, 15)).toISOString()],
    );
    expect(rollups).toEqual({ old: 1, hourly: 2 });
    // Running again changes nothing.
    expect(await maintenance.maintain(now)).toMatchObject({ create: [], drop: [] });
  });

  it.runIf(process.env.REDIS_URL)('writes the batch of an instance that died mid-write, once its heartbeat has expired', async () => {
    const orgId = await newOrg('Crashed');
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      // What a crashed instance leaves: registered as a consumer, a batch in its processing list, no heartbeat.
      const base = `${t.env.REDIS_PREFIX}:usage`;
      const orphans = [usageRecord(orgId, new Date()), usageRecord(orgId, new Date())];
      await redis.multi().sadd(`${base}:consumers`, 'crashed').rpush(`${base}:processing:crashed`, ...orphans.map((r) => JSON.stringify(r))).exec();
      const rows = async () => ((await db.query('SELECT count(*)::int AS n FROM usage_logs WHERE org_id = $1', [orgId])) as { n: number }[])[0]!.n;
      const until = Date.now() + 15_000;
      while ((await rows()) < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
      expect(await rows()).toBe(2);
      expect(await redis.exists(`${base}:processing:crashed`)).toBe(0);
      expect(await redis.sismember(`${base}:consumers`, 'crashed')).toBe(0);
    } finally {
      redis.disconnect();
    }
  });

  it('sets aside a record the database refuses, instead of letting it stop all usage writing', async () => {
    const orgId = await newOrg('Refused');
    const recorder = t.app.get(UsageRecorderService);
    // More tokens than the column holds: the database refuses this record however often it is retried.
    const refused = usageRecord(orgId, new Date(), { usage: { inputTokens: 3_000_000_000, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } });
    const fine = [usageRecord(orgId, new Date()), usageRecord(orgId, new Date())];
    recorder.record(fine[0]!);
    recorder.record(refused);
    recorder.record(fine[1]!);
    const ids = async () => ((await db.query('SELECT request_id FROM usage_logs WHERE org_id = $1 ORDER BY request_id', [orgId])) as { request_id: string }[]).map((r) => r.request_id);
    const until = Date.now() + 15_000;
    while ((await ids()).length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(await ids()).toEqual(fine.map((r) => r.requestId).sort());
    expect(recorder.status()).toMatchObject({ state: 'ok', backlog: 0 });
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/ai_router_usage_writer_rejected_total 1\b/);
    // Kept whole, with the refusal, to be corrected and replayed.
    const deadLetters = async () => (await db.query('SELECT request_id, org_id, record, error FROM usage_dead_letters WHERE org_id = $1', [orgId])) as
      { request_id: string; org_id: string; record: UsageRecord; error: string }[];
    const [kept, ...others] = await deadLetters();
    expect(others).toEqual([]);
    expect(kept).toMatchObject({ request_id: refused.requestId, org_id: orgId, record: refused });
    expect(kept!.error).toMatch(/out of range/);
    // A replayed batch sets it aside once.
    await store.setAside(refused, 'again');
    expect((await deadLetters()).map((d) => d.error)).toEqual([kept!.error]);
    // The platform owner sees it over the API; an org admin does not.
    const listed = await admin.call<UsageDeadLetter[]>('GET', '/api/platform/usage-dead-letters');
    expect(listed.find((d) => d.requestId === refused.requestId)).toMatchObject({ orgId, error: kept!.error, record: refused });
    const orgAdmin = await inviteMember(t.url, admin, orgId, 'refused-admin@x.test', 'admin');
    expect((await orgAdmin.client.raw('GET', '/api/platform/usage-dead-letters')).status).toBe(403);
  });

  it('reports the same numbers as the raw rows, whatever the range and grouping', async () => {
    const orgId = await newOrg('Reported');
    const key = await admin.call<{ id: string; secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'reporting' });
    const end = new Date();
    const records: UsageRecord[] = [];
    // 60 requests over four days, at uneven minutes; some errors, some from the key, two models.
    for (let i = 0; i < 60; i++) {
      records.push(usageRecord(orgId, new Date(end.getTime() - i * 97 * 60_000 - 1_000), {
        model: i % 3 ? 'alpha' : 'beta', status: i % 7 ? 200 : 502, apiKeyId: i % 2 ? key.id : null, latencyMs: 10 + i,
        usage: { inputTokens: 10 + i, outputTokens: i, cachedInputTokens: i % 4, cacheWriteTokens: 0, reasoningTokens: 0, images: i % 5 ? 0 : 1 },
        billing: i % 4 ? null : { multiplierBp: 15_000, price: PRICE, promptEstimate: 10 }, billed: i % 4 === 0,
      }));
    }
    await store.write(records);
    const from = new Date(end.getTime() - 3 * 24 * 3600_000 - 17 * 60_000);
    const to = new Date(end.getTime() - 41 * 60_000);

    const raw = async (apiKeyId: string | null) => {
      const [row] = await db.query(
        `SELECT count(*)::int AS requests, count(*) FILTER (WHERE status >= 400)::int AS errors, sum(input_tokens)::int AS "inputTokens",
                sum(output_tokens)::int AS "outputTokens", sum(cached_input_tokens)::int AS "cachedInputTokens", sum(images)::int AS images,
                sum(cost_nano)::text AS cost
           FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3 AND ($4::uuid IS NULL OR api_key_id = $4)`,
        [orgId, from.toISOString(), to.toISOString(), apiKeyId],
      );
      return { ...row, cost: formatDollars(BigInt(row.cost)) };
    };
    const expected = await raw(null);
    expect(expected.requests).toBeGreaterThan(30);
    const range = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    for (const groupBy of ['day', 'hour', 'model', 'key', 'status']) {
      const report = await admin.call<UsageReport>('GET', `/api/orgs/${orgId}/usage?groupBy=${groupBy}&${range}`);
      expect(report.totals, groupBy).toEqual(expected);
    }
    const byModel = await admin.call<UsageReport>('GET', `/api/orgs/${orgId}/usage?groupBy=model&${range}`);
    expect(byModel.buckets.map((b) => b.group)).toEqual(['alpha', 'beta']);
    expect(byModel.buckets[0]!.p95LatencyMs).toBeGreaterThan(0);

    const own = await fetch(`${t.url}/v1/usage?groupBy=day&${range}`, { headers: { authorization: `Bearer ${key.secret}` } });
    expect(own.status).toBe(200);
    expect(((await own.json()) as UsageReport).totals).toEqual(await raw(key.id));
  });
});

/** Needs a database that outlives the app, so PostgreSQL; PGlite closes with it. */
describe.runIf(process.env.DATABASE_URL)('usage pipeline: graceful shutdown', () => {
  it('writes what the instance buffered before it stops; with Redis, whatever it did not write stays in the shared list', async () => {
    const database = await createTestDatabase();
    const t = await startTestApp({ DATABASE_URL: database.url!, SEED_DEMO: 'false' });
    const direct = new Client({ connectionString: database.url });
    await direct.connect();
    const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : null;
    try {
      const orgId = randomUUID();
      const recorder = t.app.get(UsageRecorderService);
      for (let i = 0; i < 300; i++) recorder.record(usageRecord(orgId, new Date()));
      await t.app.close();
      const { rows: [{ n }] } = await direct.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_logs WHERE org_id = $1', [orgId]);
      const waiting = redis ? await redis.llen(`${t.env.REDIS_PREFIX}:usage:buffer`) : 0;
      expect(n + waiting).toBe(300);
      if (!redis) expect(n).toBe(300);
    } finally {
      redis?.disconnect();
      await direct.end();
      await database.drop();
    }
  });
});
