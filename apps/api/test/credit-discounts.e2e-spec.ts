import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedPromoCodeView, InvoiceView, RedemptionView } from '@ai-router/contracts';
import { costOf, discountOf, type ModelPrice, parseDollars } from '../src/billing/money';
import { monthContaining } from '../src/invoices/invoice-period';
import { AdminClient } from './support/admin-client';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

const TOKEN_PRICE = { inputPerMillion: '3', outputPerMillion: '15', perRequest: '0.000000007' };
const PRICE: ModelPrice = {
  inputPerMillion: parseDollars('3'), outputPerMillion: parseDollars('15'), cachedInputPerMillion: 0n, cacheWritePerMillion: 0n, perImage: 0n,
  perRequest: 7n, outputLimitTokens: 4096,
};
const MULTIPLIER_BP = 15_000;
const PLAN_BP = 1_000;
const SIGNING_SECRET = 'recharge-signing-secret-0123456789';

/** A payment system's webhook endpoint: keeps every call, answers 204. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface UsageRow {
  requestId: string;
  inputTokens: number;
  outputTokens: number;
  cost: string;
  discount: string;
  charge: string | null;
}

describe('credits: coupons, plan discounts, low balance and auto-recharge', () => {
  let t: TestApp;
  let owner: AdminClient;
  let db: DataSource;
  let mock: MockProvider;
  let rx: Awaited<ReturnType<typeof startReceiver>>;

  const coupon = (body: object) => owner.call<CreatedPromoCodeView>('POST', '/api/platform/coupons', body);
  const redeem = (orgId: string, code: string) => owner.call<RedemptionView>('POST', `/api/orgs/${orgId}/billing/redemptions`, { code });
  const chat = (key: string) => fetch(`${t.url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: 'price me exactly' }] }),
  });
  const rows = (orgId: string): Promise<UsageRow[]> => db.query(
    `SELECT u.request_id AS "requestId", u.input_tokens AS "inputTokens", u.output_tokens AS "outputTokens", u.cost_nano::text AS cost,
            u.discount_nano::text AS discount, (SELECT amount_nano::text FROM ledger_entries l WHERE l.request_id = u.request_id AND l.entry_type = 'charge') AS charge
     FROM usage_logs u WHERE u.org_id = $1 ORDER BY u.created_at`,
    [orgId],
  );
  const settledRows = (orgId: string, n: number) => eventually(() => rows(orgId), (r) => r.length >= n && r.every((x) => x.charge !== null));
  const account = async (orgId: string) => {
    const [row] = await db.query(
      `SELECT balance_nano::text AS balance, held_nano::text AS held, (SELECT coalesce(sum(amount_nano), 0)::text FROM ledger_entries WHERE org_id = $1) AS ledger
       FROM orgs WHERE id = $1`,
      [orgId],
    );
    return { balance: BigInt(row.balance), held: BigInt(row.held), ledger: BigInt(row.ledger) };
  };
  const billedOrg = async (name: string, price: object, settings: object) => {
    const orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name })).id;
    const account = await owner.createProvider(orgId, { name: 'mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    const model = await owner.createModel(orgId, 'm', [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    await owner.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, price);
    await owner.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: MULTIPLIER_BP, ...settings });
    return { orgId, key: await owner.createApiKey(orgId) };
  };
  /** Expected charge of a usage row by the written rule. */
  const expected = (row: UsageRow, couponBp: number) => {
    const gross = costOf({ inputTokens: row.inputTokens, outputTokens: row.outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, PRICE, MULTIPLIER_BP);
    const discount = discountOf(gross, { planBp: PLAN_BP, couponBp });
    return { gross, discount, cost: gross - discount };
  };

  beforeAll(async () => {
    [t, mock, rx] = await Promise.all([startTestApp(), startMockProvider({ port: 0 }), startReceiver()]);
    owner = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
    await rx?.close();
  });

  it('charges a percent coupon after the plan discount, to the nano-dollar, from the next request on', async () => {
    const { orgId, key } = await billedOrg('Percent', TOKEN_PRICE, { planDiscountBp: PLAN_BP });
    await owner.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    expect((await chat(key)).status).toBe(200);
    await settledRows(orgId, 1);
    const { code } = await coupon({ type: 'percent', percentBp: 2_500, maxRedemptions: 10 });
    expect(await redeem(orgId, code)).toMatchObject({ kind: 'coupon', credited: null, percentBp: 2_500 });
    for (let i = 0; i < 2; i++) expect((await chat(key)).status).toBe(200);
    const all = await settledRows(orgId, 3);
    expect(all).toHaveLength(3);
    for (const [i, row] of all.entries()) {
      const want = expected(row, i === 0 ? 0 : 2_500);
      expect(want.discount).toBeGreaterThan(0n);
      expect({ cost: BigInt(row.cost), discount: BigInt(row.discount), charge: BigInt(row.charge!) }).toEqual({ cost: want.cost, discount: want.discount, charge: -want.cost });
    }
    // This instance gives its balance lease back once idle.
    const a = await eventually(() => account(orgId), (x) => x.held === 0n);
    expect(a.balance).toBe(a.ledger);
    expect(a.held).toBe(0n);

    // A fixed coupon credits its amount; the month's invoice shows every discount.
    const fixed = await coupon({ type: 'fixed', amount: '0.0001' });
    expect(await redeem(orgId, fixed.code)).toMatchObject({ kind: 'coupon', credited: '0.000100000' });
    const [credit] = await db.query("SELECT amount_nano::text AS amount FROM ledger_entries WHERE org_id = $1 AND entry_type = 'coupon_credit'", [orgId]);
    expect(credit.amount).toBe('100000');
    const period = monthContaining(new Date());
    const closed = await owner.call<{ invoice: InvoiceView }>('POST', `/api/orgs/${orgId}/invoices/close`, { periodStart: period.start.toISOString().slice(0, 7) });
    const gross = all.reduce((s, r) => s + BigInt(r.cost) + BigInt(r.discount), 0n);
    const discounts = all.reduce((s, r) => s + BigInt(r.discount), 0n) + 100_000n;
    expect(parseDollars(closed.invoice.subtotal)).toBe(gross);
    expect(parseDollars(closed.invoice.discount)).toBe(discounts);
    expect(parseDollars(closed.invoice.total)).toBe(gross - discounts);
    const csv = await (await owner.raw('GET', `/api/orgs/${orgId}/invoices/${closed.invoice.id}/csv`)).text();
    expect(csv).toContain('discount,,discounts and credits,');
    expect(csv).toContain(`,${-discounts},`);
  });

  it('gives a capped coupon exactly its cap, however many requests settle at once', async () => {
    const { orgId, key } = await billedOrg('Capped', TOKEN_PRICE, {});
    await owner.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    const { code } = await coupon({ type: 'percent', percentBp: 5_000, cap: '0.0002' });
    await redeem(orgId, code);
    const statuses = await Promise.all(Array.from({ length: 6 }, () => chat(key).then((r) => r.status)));
    expect(statuses).toEqual(Array(6).fill(200));
    const all = await settledRows(orgId, 6);
    const given = all.reduce((s, r) => s + BigInt(r.discount), 0n);
    expect(given).toBe(200_000n);
    for (const row of all) {
      const gross = costOf({ inputTokens: row.inputTokens, outputTokens: row.outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }, PRICE, MULTIPLIER_BP);
      expect(BigInt(row.cost) + BigInt(row.discount)).toBe(gross);
      expect(BigInt(row.charge!)).toBe(-BigInt(row.cost));
    }
    const [used] = await db.query('SELECT discount_used_nano::text AS used FROM promo_redemptions WHERE org_id = $1', [orgId]);
    expect(used.used).toBe('200000');
    const a = await account(orgId);
    expect(a.balance).toBe(a.ledger);
  });

  it('notifies a low balance once per crossing and asks for a recharge by signed webhook; a repeated top-up credits once', async () => {
    // $1 per request x1.5: every request costs exactly $1.50.
    const { orgId, key } = await billedOrg('Watched', { perRequest: '1' }, { lowBalanceThreshold: '3', autoRecharge: { enabled: true, amount: '5' } });
    await owner.call('POST', `/api/orgs/${orgId}/notification-channels`, {
      kind: 'webhook', name: 'payments', events: ['balance.low', 'balance.recharge_requested'], config: { url: rx.url }, secrets: { signingSecret: SIGNING_SECRET },
    });
    await owner.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '5' });
    const step = async (n: number, balance: string) => {
      expect((await chat(key)).status).toBe(200);
      await settledRows(orgId, n);
      expect((await eventually(() => account(orgId), (a) => a.held === 0n)).balance).toBe(parseDollars(balance));
    };
    const lows = async () => (await db.query("SELECT data FROM notifications WHERE org_id = $1 AND type = 'balance.low' ORDER BY created_at", [orgId])) as { data: Record<string, string> }[];
    const hooks = (type: string) => rx.received.map((r) => ({ ...r, event: JSON.parse(r.body) as { id: string; type: string; orgId: string; data: Record<string, string> } })).filter((r) => r.event.type === type);

    await step(1, '3.5');
    expect(await lows()).toHaveLength(0);
    await step(2, '2');
    await step(3, '0.5');
    expect((await eventually(lows, (l) => l.length > 0)).map((n) => n.data)).toEqual([{ orgId, balance: '2.000000000', threshold: '3.000000000' }]);
    await eventually(async () => hooks('balance.recharge_requested').length + hooks('balance.low').length, (n) => n >= 2);
    expect(hooks('balance.low')).toHaveLength(1);
    const [request] = hooks('balance.recharge_requested');
    expect(hooks('balance.recharge_requested')).toHaveLength(1);
    expect(request!.event.data).toMatchObject({ orgId, balance: '2.000000000', threshold: '3.000000000', amount: '5.000000000' });
    const timestamp = request!.headers['x-ai-router-timestamp'] as string;
    expect(request!.headers['x-ai-router-signature']).toBe(`v1=${createHmac('sha256', SIGNING_SECRET).update(`${timestamp}.${request!.body}`).digest('hex')}`);

    // The payment system answers through the top-up API; a webhook delivered twice tops up twice, credits once.
    const reference = request!.event.data.rechargeRequestId!;
    const topUp = () => owner.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '5', reference, note: 'auto-recharge' });
    await Promise.all([topUp(), topUp(), topUp()]);
    expect((await account(orgId)).balance).toBe(parseDollars('5.5'));
    const topups = await db.query("SELECT count(*)::int AS n FROM ledger_entries WHERE org_id = $1 AND entry_type = 'topup' AND request_id LIKE $2", [orgId, `%${reference}`]);
    expect(topups[0].n).toBe(1);

    // Lifted above the threshold, the notice is armed again: the next crossing notifies once more.
    await step(4, '4');
    expect(await lows()).toHaveLength(1);
    await step(5, '2.5');
    expect(await eventually(lows, (l) => l.length >= 2)).toHaveLength(2);
    await eventually(async () => hooks('balance.recharge_requested').length, (n) => n >= 2);
    const second = hooks('balance.recharge_requested')[1]!;
    expect(second.event.data.rechargeRequestId).not.toBe(reference);
    const a = await account(orgId);
    expect(a.balance).toBe(a.ledger);
  });
});
