import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { BalanceLeasesService } from '../src/billing/balance-leases.service';
import { BillingService } from '../src/billing/billing.service';
import { parseDollars, worstCaseCost } from '../src/billing/money';
import { promptTokenBound } from '../src/billing/prompt-bound';
import { UsageBatchStore } from '../src/usage/usage-batch.store';
import { usageCharge, usageChargeCeiling } from '../src/usage/usage-cost';
import type { UsageRecord } from '../src/usage/usage-record';
import { AdminClient } from './support/admin-client';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

const PRICE = { inputPerMillion: '3', outputPerMillion: '15', outputLimitTokens: 4096 };
const MULTIPLIER_BP = 15_000;

describe('prepaid billing: holds, settlement, ledger', () => {
  let t: TestApp;
  let admin: AdminClient;
  let db: DataSource;
  let orgId: string;
  let key: string;
  let mocks: MockProvider[];

  const state = async () => {
    const [org] = await db.query('SELECT balance_nano::text AS balance, held_nano::text AS held FROM orgs WHERE id = $1', [orgId]);
    const [ledger] = await db.query("SELECT coalesce(sum(amount_nano), 0)::text AS sum, count(*) FILTER (WHERE entry_type = 'charge')::int AS charges FROM ledger_entries WHERE org_id = $1", [orgId]);
    const [usage] = await db.query('SELECT coalesce(sum(cost_nano), 0)::text AS cost, count(*)::int AS rows FROM usage_logs WHERE org_id = $1', [orgId]);
    return { balance: BigInt(org.balance), held: BigInt(org.held), ledgerSum: BigInt(ledger.sum), charges: ledger.charges as number, usageCost: BigInt(usage.cost), usageRows: usage.rows as number };
  };
  const chat = (model: string, content = 'hello there', extra: object = {}) => fetch(`${t.url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content }], ...extra }),
  });

  beforeAll(async () => {
    t = await startTestApp({ UPSTREAM_MAX_ATTEMPTS: '3' });
    admin = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Billed' })).id;
    mocks = await Promise.all([0, 1, 2].map(() => startMockProvider({ port: 0 })));
    const accounts = [];
    for (const [i, m] of mocks.entries()) accounts.push(await admin.createProvider(orgId, { name: `p${i}`, kind: 'openai', baseUrl: `${m.url}/v1` }));
    for (const [name, deps] of [['slow', [2]], ['retried', [0, 1, 2]]] as const) {
      const model = await admin.createModel(orgId, name, deps.map((i, priority) => ({ providerAccountId: accounts[i]!.id, upstreamModel: 'm', priority })));
      await admin.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, PRICE);
    }
    await admin.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: MULTIPLIER_BP });
    key = await admin.createApiKey(orgId);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(mocks.map((m) => m.close()));
  });

  it('refuses with 429 insufficient_quota when the balance cannot cover the hold', async () => {
    const res = await chat('slow');
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { type: 'insufficient_quota', code: 'insufficient_quota' } });
  });

  it('admits exactly as many simultaneous requests as the balance covers, and never overdraws', async () => {
    const hold = worstCaseCost(promptTokenBound({ messages: [{ role: 'user', content: 'hello there' }] }), 10, 0, {
      inputPerMillion: parseDollars(PRICE.inputPerMillion), outputPerMillion: parseDollars(PRICE.outputPerMillion), cachedInputPerMillion: 0n,
      cacheWritePerMillion: 0n, perImage: 0n, perRequest: 0n, outputLimitTokens: 4096,
    }, MULTIPLIER_BP);
    const covered = 7;
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: (Number(hold * BigInt(covered)) / 1e9).toFixed(9) });
    const before = await state();
    // The provider holds every admitted request until all 60 are decided: none settles early and frees room.
    const gate = mocks[2]!.hold();
    let refused = 0;
    const pending = Array.from({ length: 60 }, () => chat('slow').then((r) => (r.status === 429 && refused++, r.status)));
    await eventually(async () => gate.waiting() + refused, (n) => n === 60, 30_000);
    gate.release();
    const statuses = await Promise.all(pending);
    expect(statuses.filter((s) => s === 200)).toHaveLength(covered);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - covered);
    const after = await eventually(state, (s) => s.held === 0n && s.usageRows >= before.usageRows + covered);
    expect(after.held).toBe(0n);
    expect(after.balance >= 0n).toBe(true);
    expect(after.charges - before.charges).toBe(covered);
    expect(after.balance).toBe(after.ledgerSum);
    expect(before.balance - after.balance).toBe(after.usageCost - before.usageCost);
  });

  it('charges once for a request that succeeded on the third attempt (500, 500, 200)', async () => {
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    mocks[0]!.setFault({ status: 500 });
    mocks[1]!.setFault({ status: 500 });
    try {
      const before = await state();
      const res = await chat('retried');
      expect(res.status).toBe(200);
      const after = await eventually(state, (s) => s.usageRows === before.usageRows + 1 && s.held === 0n);
      expect(after.charges - before.charges).toBe(1);
      expect(after.balance).toBe(after.ledgerSum);
    } finally {
      mocks[0]!.setFault(null);
      mocks[1]!.setFault(null);
    }
  });

  it('settles a request exactly once even when its settlement is delivered twice', async () => {
    const leases = t.app.get(BalanceLeasesService);
    const store = t.app.get(UsageBatchStore);
    const before = await eventually(state, (s) => s.held === 0n);
    const hold = await leases.hold(orgId, 1_000_000n);
    const record: UsageRecord = {
      requestId: 'replayed-request', startedAt: new Date().toISOString(), orgId, userId: null, routing: null, apiKeyId: null, model: 'slow', deploymentId: null, providerAccountId: null, operation: 'chat',
      status: 200, latencyMs: 5, ttftMs: null, streamed: false, errorCode: null,
      usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
      billing: { multiplierBp: MULTIPLIER_BP, promptEstimate: 100, price: { inputPerMillion: '3000000000', outputPerMillion: '15000000000', cachedInputPerMillion: '0', cacheWritePerMillion: '0', perImage: '0', perRequest: '0' } },
      billed: true, hold: { leaseId: hold.leaseId, amount: hold.amount.toString() },
    };
    // As the gateway does when the request ends: what it will not be charged goes back to the lease.
    leases.release(hold, usageChargeCeiling(record, usageCharge(record)));
    await store.write([record]);
    await store.write([record]);
    // The lease is given back once idle; the charge freed its share of the hold once, not twice.
    const after = await eventually(state, (s) => s.held <= 0n);
    expect(after.held).toBe(0n);
    expect(after.charges - before.charges).toBe(1);
    expect(after.usageRows - before.usageRows).toBe(1);
    expect(after.balance).toBe(after.ledgerSum);
  });

  it('bills a stream the client abandoned once, by the written rule', async () => {
    const before = await state();
    const res = await chat('slow', '[[mock:{"chunks":100,"chunkDelayMs":30}]]', { stream: true });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    const after = await eventually(state, (s) => s.usageRows === before.usageRows + 1 && s.held === 0n);
    expect(after.usageRows - before.usageRows).toBe(1);
    expect(after.charges - before.charges).toBe(1);
    expect(after.balance).toBe(after.ledgerSum);
  });

  it('reports usage by model for admins and by key for key holders, matching the charges', async () => {
    const s = await state();
    const report = await admin.call<{ totals: { requests: number; cost: string }; buckets: { group: string }[] }>('GET', `/api/orgs/${orgId}/usage?groupBy=model`);
    expect(report.totals.requests).toBe(s.usageRows);
    expect(parseDollars(report.totals.cost)).toBe(s.usageCost);
    expect(report.buckets.map((b) => b.group)).toEqual(expect.arrayContaining(['retried', 'slow']));
    const own = await fetch(`${t.url}/v1/usage?groupBy=day`, { headers: { authorization: `Bearer ${key}` } });
    expect(own.status, await own.clone().text()).toBe(200);
    const ownReport = (await own.json()) as { totals: { requests: number } };
    expect(ownReport.totals.requests).toBeGreaterThan(0);
    expect(ownReport.totals.requests).toBeLessThanOrEqual(s.usageRows);
    expect((await admin.raw('GET', `/api/orgs/${orgId}/usage?groupBy=nonsense`)).status).toBe(400);
  });

  it('frees the lease of an instance that stopped renewing it, and a late settlement still charges exactly once', async () => {
    const billing = t.app.get(BillingService);
    // Another gateway instance, which dies holding a lease (it never gives it back or renews it).
    const dead = new BalanceLeasesService(db, pino({ level: 'silent' }));
    await eventually(state, (s) => s.held === 0n);
    const hold = await dead.hold(orgId, 5_000_000n);
    const before = await state();
    expect(before.held >= 5_000_000n).toBe(true);
    expect(await dead.releaseStaleLeases()).toBe(0);
    await db.query("UPDATE balance_leases SET renewed_at = now() - interval '3 hours' WHERE id = $1", [hold.leaseId]);
    expect(await dead.releaseStaleLeases()).toBe(1);
    const freed = await state();
    expect(freed.held).toBe(0n);
    const late = { orgId, requestId: 'orphaned-request', cost: 1_234n, leaseId: hold.leaseId };
    expect(await billing.settleBatch([late])).toEqual({ released: 0, charged: 1 });
    expect(await billing.settleBatch([late])).toEqual({ released: 0, charged: 0 });
    const after = await state();
    expect(after.held).toBe(0n);
    expect(after.charges - before.charges).toBe(1);
    expect(after.balance).toBe(freed.balance - 1_234n);
    expect(after.balance).toBe(after.ledgerSum);
  });
});
