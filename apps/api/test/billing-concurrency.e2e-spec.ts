import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import {
  billingState, chargesByRequest, createBilledOrg, expectedCharge, postChat, type PriceDollars, settledState, topUp, usageRows,
  wideClient,
} from './support/billing';
import { startTestApp, type TestApp } from './support/test-app';

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/**
 * Input is free, so the hold does not depend on how the gateway bounds the prompt; the mock's reply
 * (100 tokens) is cut at max_tokens, so every answer uses exactly max_tokens and costs exactly its
 * worst-case hold. A settlement then never frees balance for a later request: the balance admits
 * exactly COVERED requests however the burst interleaves with settlements.
 */
const PRICE: PriceDollars = { inputPerMillion: '0', outputPerMillion: '2.000000333', perRequest: '0.000100001', outputLimitTokens: 4096 };
const MULTIPLIER_BP = 12_345;
const MAX_TOKENS = 20;
const HOLD = expectedCharge(0, MAX_TOKENS, PRICE, MULTIPLIER_BP);
const BURST = 500;
const COVERED = 37;
const CONTENT = `[[mock:{"latencyMs":300,"reply":"${'word '.repeat(80)}"}]]`;

interface BurstResult {
  /** Client connections the API instances held once the burst was answered (one per request in flight at once). */
  connections: number;
  statuses: number[];
  refusals: unknown[];
  requestIds: string[];
  negativeSamples: string[];
  samples: number;
}

/** Fires BURST requests at once (spread over `apps`) while sampling the org's balance until all answered. */
async function burst(db: DataSource, orgId: string, apps: TestApp[], key: string): Promise<BurstResult> {
  // A fresh pool: it opens a new connection only while all of its others are busy.
  const dispatcher = wideClient();
  const negativeSamples: string[] = [];
  let samples = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      const s = await billingState(db, orgId);
      samples++;
      if (s.balance < 0n || s.balance - s.held < 0n) negativeSamples.push(`balance ${s.balance} held ${s.held}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const answers = await Promise.all(Array.from({ length: BURST }, async (_, i) => {
    const res = await postChat({
      url: apps[i % apps.length]!.url, key, dispatcher,
      body: { model: 'metered', max_tokens: MAX_TOKENS, messages: [{ role: 'user', content: CONTENT }] },
    });
    return { status: res.statusCode, requestId: String(res.headers['x-request-id'] ?? ''), body: await res.body.json() };
  })).finally(() => {
    running = false;
  });
  await sampler;
  const connections = (await Promise.all(apps.map((a) => new Promise<number>((resolve, reject) => {
    a.app.getHttpServer().getConnections((err: Error | null, count: number) => (err ? reject(err) : resolve(count)));
  })))).reduce((sum, n) => sum + n, 0);
  await dispatcher.close();
  return {
    connections,
    statuses: answers.map((a) => a.status),
    refusals: answers.filter((a) => a.status === 429).map((a) => a.body),
    requestIds: answers.filter((a) => a.status === 200).map((a) => a.requestId),
    negativeSamples, samples,
  };
}

async function expectExactBilling(db: DataSource, orgId: string, result: BurstResult): Promise<void> {
  expect(result.connections).toBeGreaterThanOrEqual(BURST);
  expect(result.statuses.filter((s) => s === 200)).toHaveLength(COVERED);
  expect(result.statuses.filter((s) => s === 429)).toHaveLength(BURST - COVERED);
  for (const refusal of result.refusals) {
    expect(refusal).toEqual({ error: { message: expect.any(String), type: 'insufficient_quota', param: null, code: 'insufficient_quota' } });
  }
  expect(result.samples).toBeGreaterThan(0);
  expect(result.negativeSamples).toEqual([]);

  const after = await settledState(db, orgId, COVERED);
  const billed = (await usageRows(db, orgId)).filter((r) => r.costNano !== 0n);
  expect(billed.map((r) => r.requestId).sort()).toEqual([...result.requestIds].sort());
  expect(billed.map((r) => r.costNano)).toEqual(billed.map(() => HOLD));
  expect(after.charges).toBe(COVERED);
  expect(after.chargeSum).toBe(-HOLD * BigInt(COVERED));
  expect(after.usageCost).toBe(HOLD * BigInt(COVERED));
  expect(after.balance).toBe(0n);
  expect(after.balance).toBe(after.ledgerSum);
  const charges = await chargesByRequest(db, orgId);
  expect([...charges.keys()].sort()).toEqual([...result.requestIds].sort());
  for (const amounts of charges.values()) expect(amounts).toEqual([HOLD]);
}

describe('prepaid billing under a burst of 500 simultaneous requests', () => {
  let t: TestApp;
  let second: TestApp | null = null;
  let admin: AdminClient;
  let mock: MockProvider;

  beforeAll(async () => {
    t = await startTestApp();
    if (shared) second = await startTestApp(t.env);
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0, recordRequests: false });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    await mock?.close();
  });

  const billedOrg = async (name: string) => {
    const org = await createBilledOrg(admin, name, MULTIPLIER_BP, [{ name: 'metered', mockUrl: mock.url, price: PRICE }]);
    await topUp(admin, org.orgId, HOLD * BigInt(COVERED));
    return org;
  };

  it('admits exactly the requests the balance covers, refuses the rest with insufficient_quota, never overdraws', async () => {
    const { orgId, key } = await billedOrg('Burst');
    const db = t.app.get(DataSource);
    await expectExactBilling(db, orgId, await burst(db, orgId, [t], key));
  }, 120_000);

  it.runIf(shared)('does the same across two API instances sharing PostgreSQL and Redis', async () => {
    const { orgId, key } = await billedOrg('Burst across instances');
    const db = t.app.get(DataSource);
    await expectExactBilling(db, orgId, await burst(db, orgId, [t, second!], key));
  }, 120_000);
});
