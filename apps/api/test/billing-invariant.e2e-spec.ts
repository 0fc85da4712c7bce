import { type MockProvider, seededRandom, startMockProvider } from '@ai-router/mock-provider';
import type { CloseInvoicePeriodResult } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDollars } from '../src/billing/money';
import { AdminClient } from './support/admin-client';
import {
  billingState, chargesByRequest, createBilledOrg, expectedCharge, holdsByRequest, postChat, type PriceDollars, settledState, topUp, usageRows,
  wideClient,
} from './support/billing';
import { startTestApp, type TestApp } from './support/test-app';

const STEADY: PriceDollars = { inputPerMillion: '0.150000001', outputPerMillion: '0.600000003', perRequest: '0.000000007', outputLimitTokens: 1024 };
const FLAKY: PriceDollars = { inputPerMillion: '2.5', outputPerMillion: '10.000000009', perRequest: '0', outputLimitTokens: 512 };
const MULTIPLIER_BP = 11_111;
const REQUESTS = 10_000;
const PARALLEL = 16;
const SEED = 424_242;

type Kind = 'ok' | 'ok-stream' | 'abort' | 'flaky-ok' | 'upstream-500' | 'error-mid-stream' | 'dropped-mid-stream';
/** Cumulative weights of the traffic mix (per 100). */
const MIX: [Kind, number][] = [
  ['ok', 40], ['ok-stream', 65], ['abort', 77], ['flaky-ok', 82], ['upstream-500', 92], ['error-mid-stream', 96], ['dropped-mid-stream', 100],
];

interface Plan {
  kind: Kind;
  model: 'steady' | 'flaky';
  content: string;
  stream: boolean;
  body: object;
  leaveAfter: number;
}

function planRequest(i: number, random: () => number): Plan {
  const roll = random() * 100;
  const kind = MIX.find(([, upTo]) => roll < upTo)![0];
  const words = 'tok '.repeat(Math.floor(random() * 60));
  const directive: Record<Kind, string> = {
    ok: '', 'ok-stream': `[[mock:{"chunks":${1 + Math.floor(random() * 4)}}]]`, abort: '[[mock:{"chunks":8,"chunkDelayMs":5}]]', 'flaky-ok': '',
    'upstream-500': '[[mock:{"status":500}]]', 'error-mid-stream': '[[mock:{"errorAfterChunks":2}]]', 'dropped-mid-stream': '[[mock:{"dropAfterChunks":2}]]',
  };
  const model = kind === 'ok' || kind === 'ok-stream' || kind === 'abort' ? 'steady' : 'flaky';
  const stream = kind === 'ok-stream' || kind === 'abort' || kind === 'error-mid-stream' || kind === 'dropped-mid-stream' || (kind === 'upstream-500' && random() < 0.5);
  const content = `${directive[kind]} request ${i} ${words}`;
  const maxTokens = random() < 0.5 ? { max_tokens: 1 + Math.floor(random() * 40) } : {};
  return {
    kind, model, content, stream, leaveAfter: 1 + Math.floor(random() * 3),
    body: { model, messages: [{ role: 'user', content }], ...maxTokens, ...(stream && { stream: true, stream_options: { include_usage: random() < 0.5 } }) },
  };
}

interface Sent {
  plan: Plan;
  status: number;
  code: string | null;
}

/** Sends one request and reads its answer whole, or leaves a stream after `leaveAfter` events for 'abort'. */
async function send(url: string, key: string, dispatcher: Agent, plan: Plan): Promise<[string, Sent]> {
  const controller = new AbortController();
  const res = await postChat({ url, key, dispatcher, body: plan.body, signal: controller.signal });
  const requestId = String(res.headers['x-request-id']);
  let events = 0;
  let text = '';
  try {
    for await (const chunk of res.body) {
      text += String(chunk);
      events += String(chunk).split('\n\n').filter((f) => f.startsWith('data: ')).length;
      if (plan.kind === 'abort' && events >= plan.leaveAfter) {
        controller.abort();
        break;
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  }
  const code = res.statusCode >= 400 ? (JSON.parse(text) as { error: { code: string } }).error.code : null;
  return [requestId, { plan, status: res.statusCode, code }];
}

describe('the money adds up over 10,000 mixed requests', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mocks: MockProvider[];
  let dispatcher: Agent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    mocks = await Promise.all([0, 1].map(() => startMockProvider({ port: 0, recordRequests: false })));
    dispatcher = wideClient(64);
  });
  afterAll(async () => {
    await dispatcher?.close();
    await t?.close();
    await Promise.all((mocks ?? []).map((m) => m.close()));
  });

  it('ledger = balance change = usage costs = invoice total, to the nano-dollar, and each request is billed by the rule', async () => {
    const { orgId, key } = await createBilledOrg(admin, 'Invariant', MULTIPLIER_BP, [
      { name: 'steady', mockUrl: mocks[0]!.url, price: STEADY }, { name: 'flaky', mockUrl: mocks[1]!.url, price: FLAKY },
    ]);
    await topUp(admin, orgId, parseDollars('1000'));
    const db = t.app.get(DataSource);
    const before = await billingState(db, orgId);

    const random = seededRandom(SEED);
    const plans = Array.from({ length: REQUESTS }, (_, i) => planRequest(i, random));
    const sent = new Map<string, Sent>();
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < plans.length) {
        sent.set(...(await send(t.url, key, dispatcher, plans[next++]!)));
      }
    }));
    expect(sent.size).toBe(REQUESTS);

    const after = await settledState(db, orgId, 1, 180_000);
    const rows = await usageRows(db, orgId);
    const charges = await chargesByRequest(db, orgId);
    const holds = await holdsByRequest(db, orgId);
    const admitted = new Set(holds.keys());
    const overHold = [...charges].filter(([id, charged]) => charged.some((c) => c > (holds.get(id) ?? 0n)));
    expect(overHold, 'charged more than the hold placed for it').toEqual([]);
    // A request the router refused before admission (its model's only deployment behind an open circuit
    // breaker) placed no hold and is never charged.
    const rowById = new Map(rows.map((r) => [r.requestId, r]));
    const refused = [...sent].filter(([id]) => !admitted.has(id));
    expect(refused.filter(([, s]) => s.status !== 503 || s.code !== 'no_deployment_available' || s.plan.model !== 'flaky')).toEqual([]);
    expect(refused.filter(([id]) => charges.has(id) || (rowById.get(id)?.costNano ?? 0n) !== 0n)).toEqual([]);
    const wrong: string[] = [];
    for (const row of rows) {
      const plan = sent.get(row.requestId)?.plan;
      if (!plan) {
        wrong.push(`${row.requestId}: a usage row for no request sent`);
        continue;
      }
      const price = plan.model === 'steady' ? STEADY : FLAKY;
      // The written rule: the provider's usage; a client that left a stream before usage came pays the prompt estimate
      // (one token per 4 characters of text) and no output; anything else that failed costs nothing.
      const expected = row.inputTokens + row.outputTokens > 0
        ? expectedCharge(row.inputTokens, row.outputTokens, price, MULTIPLIER_BP)
        : row.status === 499 && row.ttftMs !== null ? expectedCharge(Math.ceil(plan.content.length / 4), 0, price, MULTIPLIER_BP) : 0n;
      const charged = charges.get(row.requestId) ?? [];
      if (row.costNano !== expected || charged.length !== (expected > 0n ? 1 : 0) || (expected > 0n && charged[0] !== expected)) {
        wrong.push(`${row.requestId} ${plan.kind} status ${row.status}: cost ${row.costNano}, charged [${charged.join(', ')}], rule says ${expected}`);
      }
      if (plan.kind === 'ok' || plan.kind === 'ok-stream') {
        if (row.status !== 200 || row.outputTokens === 0) wrong.push(`${row.requestId} ${plan.kind}: status ${row.status}, ${row.outputTokens} output tokens`);
      }
      if (plan.kind === 'upstream-500' && row.costNano !== 0n) wrong.push(`${row.requestId}: an upstream failure cost ${row.costNano}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
    expect([...charges.values()].flat()).toHaveLength(rows.filter((r) => r.costNano > 0n).length);
    // The mix really exercised every path the rule distinguishes.
    const statuses = new Set(rows.map((r) => r.status));
    expect([...statuses]).toEqual(expect.arrayContaining([200, 499]));
    expect(rows.filter((r) => r.status >= 500).length).toBeGreaterThan(0);

    const invoices = await closePeriodsOf(admin, db, orgId);
    const invoiceTotal = invoices.reduce((sum, r) => sum + parseDollars(r.invoice!.total), 0n);
    for (const r of invoices) {
      expect(parseDollars(r.invoice!.discount)).toBe(0n);
      expect(r.invoice!.lines.reduce((sum, l) => sum + parseDollars(l.amount), 0n)).toBe(parseDollars(r.invoice!.subtotal));
    }
    const usageReport = await admin.call<{ totals: { cost: string } }>('GET', `/api/orgs/${orgId}/usage?groupBy=model`);

    expect(after.held).toBe(0n);
    expect(after.balance).toBe(after.ledgerSum);
    const spent = before.balance - after.balance;
    expect(spent).toBeGreaterThan(0n);
    expect(after.ledgerSum - before.ledgerSum).toBe(-spent);
    expect(after.usageCost).toBe(spent);
    expect(invoiceTotal).toBe(spent);
    expect(parseDollars(usageReport.totals.cost)).toBe(spent);
  }, 900_000);
});

/**
 * Issues the org's invoice for every calendar month its traffic touched, through the product's own
 * "close this period now" endpoint (the scheduled job only closes months that ended an hour ago).
 */
async function closePeriodsOf(admin: AdminClient, db: DataSource, orgId: string): Promise<CloseInvoicePeriodResult[]> {
  const months: { month: string }[] = await db.query(
    `SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month FROM usage_logs WHERE org_id = $1 ORDER BY 1`, [orgId]);
  const results: CloseInvoicePeriodResult[] = [];
  for (const { month } of months) {
    const result = await admin.call<CloseInvoicePeriodResult>('POST', `/api/orgs/${orgId}/invoices/close`, { periodStart: month });
    expect(result.created).toBe(true);
    results.push(result);
  }
  return results;
}
