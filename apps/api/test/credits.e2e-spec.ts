import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedPromoCodeView, PromoCodeView, RedemptionView } from '@ai-router/contracts';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

describe('credits: redemption codes and coupons', () => {
  let t: TestApp;
  let owner: AdminClient;
  let db: DataSource;
  let orgId: string;
  let orgAdmin: AdminClient;
  let developer: AdminClient;

  const newOrg = async (name: string) => (await owner.call<{ id: string }>('POST', '/api/orgs', { name })).id;
  const redeem = (client: AdminClient, org: string, code: string) => client.raw('POST', `/api/orgs/${org}/billing/redemptions`, { code });
  const createCode = (body: object) => owner.call<CreatedPromoCodeView>('POST', '/api/platform/redemption-codes', body);
  const balances = async (org: string) => {
    const [row] = await db.query(
      `SELECT o.balance_nano::text AS balance, (SELECT coalesce(sum(amount_nano), 0)::text FROM ledger_entries WHERE org_id = o.id) AS ledger
       FROM orgs o WHERE o.id = $1`,
      [org],
    );
    return { balance: BigInt(row.balance), ledger: BigInt(row.ledger) };
  };
  const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; message: string } }).error });

  beforeAll(async () => {
    t = await startTestApp();
    owner = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    orgId = await newOrg('Redeemer');
    orgAdmin = (await inviteMember(t.url, owner, orgId, 'admin@credits.test', 'admin')).client;
    developer = (await inviteMember(t.url, owner, orgId, 'dev@credits.test', 'developer')).client;
  });
  afterAll(() => t?.close());

  it('shows a new code once and stores only its hash', async () => {
    const created = await createCode({ amount: '25', maxRedemptions: 2, note: 'launch gift' });
    expect(created).toMatchObject({ kind: 'redemption', amount: '25.000000000', maxRedemptions: 2, redemptionCount: 0, disabled: false, note: 'launch gift' });
    expect(created.code).toMatch(/^AIRC-/);
    expect(created.hint).toBe(`${created.code.slice(0, 5)}…${created.code.slice(-4)}`);
    const listed = await owner.call<PromoCodeView[]>('GET', '/api/platform/redemption-codes');
    const mine = listed.find((c) => c.id === created.id)!;
    expect(mine).not.toHaveProperty('code');
    expect(JSON.stringify(listed)).not.toContain(created.code);
    const [row] = await db.query('SELECT to_jsonb(p)::text AS text, code_hash FROM promo_codes p WHERE id = $1', [created.id]);
    expect(row.code_hash).toBe(createHash('sha256').update(created.code).digest('hex'));
    expect(row.text).not.toContain(created.code);
  });

  it('lets an org admin redeem once: the balance moves with a redemption ledger entry', async () => {
    const { code } = await createCode({ amount: '12.5', maxRedemptions: 5 });
    expect((await redeem(developer, orgId, code)).status).toBe(403);
    const before = await balances(orgId);
    const res = await redeem(orgAdmin, orgId, code);
    expect(res.status).toBe(201);
    expect((await res.json()) as RedemptionView).toMatchObject({ kind: 'redemption', credited: '12.500000000', percentBp: null });
    const after = await balances(orgId);
    expect(after.balance - before.balance).toBe(12_500_000_000n);
    expect(after.balance).toBe(after.ledger);
    const [entry] = await db.query("SELECT amount_nano::text AS amount FROM ledger_entries WHERE org_id = $1 AND entry_type = 'redemption'", [orgId]);
    expect(entry.amount).toBe('12500000000');
    expect(await errorOf(await redeem(orgAdmin, orgId, code))).toMatchObject({ status: 409, message: 'Your organisation has already redeemed this code.' });
    expect((await balances(orgId)).balance).toBe(after.balance);
  });

  it('never redeems past the maximum, whatever the concurrency', async () => {
    const max = 3;
    const { id, code } = await createCode({ amount: '1', maxRedemptions: max });
    const orgs = await Promise.all(Array.from({ length: 10 }, (_, i) => newOrg(`Racer ${i}`)));
    // Every request is built first and released together.
    const results = await Promise.all(orgs.map((org) => redeem(owner, org, code).then(errorOrOk)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(max);
    expect(results.filter((r) => r === 'This code has been fully redeemed.')).toHaveLength(orgs.length - max);
    const [row] = await db.query('SELECT redemption_count FROM promo_codes WHERE id = $1', [id]);
    expect(row.redemption_count).toBe(max);
    const credited = await db.query("SELECT count(*)::int AS n FROM ledger_entries WHERE entry_type = 'redemption' AND request_id LIKE $1", [`code:${id}:%`]);
    expect(credited[0].n).toBe(max);
    for (const org of orgs) {
      const b = await balances(org);
      expect(b.balance).toBe(b.ledger);
    }
  });

  it('credits one org once when it redeems the same code many times at once', async () => {
    const { id, code } = await createCode({ amount: '2', maxRedemptions: 100 });
    const org = await newOrg('Eager');
    const results = await Promise.all(Array.from({ length: 8 }, () => redeem(owner, org, code).then(errorOrOk)));
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.filter((r) => r === 'Your organisation has already redeemed this code.')).toHaveLength(7);
    expect((await balances(org)).balance).toBe(2_000_000_000n);
    const [row] = await db.query('SELECT redemption_count FROM promo_codes WHERE id = $1', [id]);
    expect(row.redemption_count).toBe(1);
  });

  it('refuses expired, disabled, unknown and not-yet-valid codes with clear errors', async () => {
    const expired = await createCode({ amount: '1', expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    await db.query("UPDATE promo_codes SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 day' WHERE id = $1", [expired.id]);
    const e = await errorOf(await redeem(orgAdmin, orgId, expired.code));
    expect(e).toMatchObject({ status: 409, code: 'conflict' });
    expect(e.message).toMatch(/^This code expired at /);

    const disabled = await createCode({ amount: '1' });
    expect((await orgAdmin.raw('POST', `/api/platform/redemption-codes/${disabled.id}/disable`)).status).toBe(403);
    expect(await owner.call<PromoCodeView>('POST', `/api/platform/redemption-codes/${disabled.id}/disable`)).toMatchObject({ disabled: true });
    expect(await errorOf(await redeem(orgAdmin, orgId, disabled.code))).toMatchObject({ status: 409, message: 'This code has been disabled.' });

    const later = await owner.call<CreatedPromoCodeView>('POST', '/api/platform/coupons', {
      type: 'fixed', amount: '1', validFrom: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect((await errorOf(await redeem(orgAdmin, orgId, later.code))).message).toMatch(/^This code is not valid before /);

    expect((await redeem(orgAdmin, orgId, 'AIRC-no-such-code-here')).status).toBe(404);
    const before = await balances(orgId);
    expect(before.balance).toBe(before.ledger);
  });

  it('keeps code administration to the platform owner and validates input', async () => {
    expect((await orgAdmin.raw('POST', '/api/platform/redemption-codes', { amount: '5' })).status).toBe(403);
    expect((await orgAdmin.raw('GET', '/api/platform/coupons')).status).toBe(403);
    expect((await owner.raw('POST', '/api/platform/redemption-codes', { amount: '0' })).status).toBe(400);
    expect((await owner.raw('POST', '/api/platform/coupons', { type: 'percent', percentBp: 10_001 })).status).toBe(400);
    expect((await owner.raw('POST', '/api/platform/coupons/not-an-id/disable')).status).toBe(404);
  });
});

async function errorOrOk(res: Response): Promise<string> {
  if (res.status === 201) return 'ok';
  return ((await res.json()) as { error: { message: string } }).error.message;
}
