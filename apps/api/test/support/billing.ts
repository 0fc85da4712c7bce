import type { DataSource } from 'typeorm';
import { Agent, request } from 'undici';
import { formatDollars, parseDollars } from '../../src/billing/money';
import type { AdminClient } from './admin-client';

/** A price-book row as the admin API takes it (dollars as decimal strings). */
export interface PriceDollars {
  inputPerMillion: string;
  outputPerMillion: string;
  perRequest: string;
  /** Unset: cached prompt tokens are free. */
  cachedInputPerMillion?: string;
  outputLimitTokens: number;
}

export interface BilledModel {
  name: string;
  /** The mock provider's base URL (without /v1). */
  mockUrl: string;
  price: PriceDollars;
}

/** A fresh org with billing on, one provider account + priced model per entry, and one API key. */
export async function createBilledOrg(admin: AdminClient, name: string, multiplierBp: number, models: BilledModel[]): Promise<{ orgId: string; key: string }> {
  const orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name })).id;
  for (const m of models) {
    const account = await admin.createProvider(orgId, { name: `p-${m.name}`, kind: 'openai', baseUrl: `${m.mockUrl}/v1` });
    const model = await admin.createModel(orgId, m.name, [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    await admin.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, m.price);
  }
  await admin.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: multiplierBp });
  return { orgId, key: await admin.createApiKey(orgId) };
}

export async function topUp(admin: AdminClient, orgId: string, nano: bigint): Promise<void> {
  await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: formatDollars(nano) });
}

/**
 * The test oracle for the written cost rule (apps/api/src/billing/money.ts), kept separate from the
 * product's code on purpose: each priced component in nano-dollars rounded UP, their sum times the
 * multiplier in basis points rounded UP. For requests without cached prompt tokens.
 */
export function expectedCharge(inputTokens: number, outputTokens: number, price: PriceDollars, multiplierBp: number): bigint {
  const up = (numerator: bigint, denominator: bigint) => (numerator + denominator - 1n) / denominator;
  const base = up(BigInt(inputTokens) * parseDollars(price.inputPerMillion), 1_000_000n)
    + up(BigInt(outputTokens) * parseDollars(price.outputPerMillion), 1_000_000n)
    + parseDollars(price.perRequest);
  return up(base * BigInt(multiplierBp), 10_000n);
}

export interface BillingState {
  balance: bigint;
  held: bigint;
  /** What the org's balance leases still reserve (each instance's unused part plus charges not yet settled). */
  leased: bigint;
  ledgerSum: bigint;
  charges: number;
  chargeSum: bigint;
  usageRows: number;
  usageCost: bigint;
}

/** The org's money as the database holds it: balance, holds, ledger and usage rows. */
export async function billingState(db: DataSource, orgId: string): Promise<BillingState> {
  const [[org], [leases], [ledger], [usage]] = await Promise.all([
    db.query('SELECT balance_nano::text AS balance, held_nano::text AS held FROM orgs WHERE id = $1', [orgId]),
    db.query('SELECT coalesce(sum(amount_nano), 0)::text AS leased FROM balance_leases WHERE org_id = $1', [orgId]),
    db.query(
      `SELECT coalesce(sum(amount_nano), 0)::text AS sum, count(*) FILTER (WHERE entry_type = 'charge')::int AS charges,
              coalesce(sum(amount_nano) FILTER (WHERE entry_type = 'charge'), 0)::text AS charge_sum
         FROM ledger_entries WHERE org_id = $1`, [orgId]),
    db.query('SELECT coalesce(sum(cost_nano), 0)::text AS cost, count(*)::int AS rows FROM usage_logs WHERE org_id = $1', [orgId]),
  ]);
  return {
    balance: BigInt(org.balance), held: BigInt(org.held), leased: BigInt(leases.leased), ledgerSum: BigInt(ledger.sum), charges: ledger.charges,
    chargeSum: BigInt(ledger.charge_sum), usageRows: usage.rows, usageCost: BigInt(usage.cost),
  };
}

/**
 * Usage is written off the request path: waits until nothing is held any more (every lease given back
 * and every charge settled against it, as the product's own tables show it) and at least `minRows`
 * usage rows exist. Fails with the last state seen after `timeoutMs`.
 */
export async function settledState(db: DataSource, orgId: string, minRows: number, timeoutMs = 60_000): Promise<BillingState> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const state = await billingState(db, orgId);
    if (state.usageRows >= minRows && state.held === 0n && state.leased === 0n) return state;
    if (Date.now() > until) {
      const seen = JSON.stringify(state, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
      throw new Error(`usage did not settle in ${timeoutMs} ms: expected at least ${minRows} rows, have ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** What each admitted request held (its usage row records it; a request refused before admission held nothing). */
export async function holdsByRequest(db: DataSource, orgId: string): Promise<Map<string, bigint>> {
  const rows: { request_id: string; held: string }[] = await db.query(
    'SELECT request_id, held_nano::text AS held FROM usage_logs WHERE org_id = $1 AND held_nano IS NOT NULL', [orgId]);
  return new Map(rows.map((r) => [r.request_id, BigInt(r.held)]));
}

export interface UsageRow {
  requestId: string;
  status: number;
  inputTokens: number;
  outputTokens: number;
  costNano: bigint;
  ttftMs: number | null;
}

export async function usageRows(db: DataSource, orgId: string): Promise<UsageRow[]> {
  const rows: { request_id: string; status: number; input_tokens: number; output_tokens: number; cost: string; ttft_ms: number | null }[] = await db.query(
    'SELECT request_id, status, input_tokens, output_tokens, cost_nano::text AS cost, ttft_ms FROM usage_logs WHERE org_id = $1', [orgId]);
  return rows.map((r) => ({
    requestId: r.request_id, status: r.status, inputTokens: r.input_tokens, outputTokens: r.output_tokens, costNano: BigInt(r.cost), ttftMs: r.ttft_ms,
  }));
}

/** Charge rows per request id: a request charged twice shows up with two. */
export async function chargesByRequest(db: DataSource, orgId: string): Promise<Map<string, bigint[]>> {
  const rows: { request_id: string; amount: string }[] = await db.query(
    "SELECT request_id, amount_nano::text AS amount FROM ledger_entries WHERE org_id = $1 AND entry_type = 'charge'", [orgId]);
  const out = new Map<string, bigint[]>();
  for (const r of rows) out.set(r.request_id, [...(out.get(r.request_id) ?? []), -BigInt(r.amount)]);
  return out;
}

/** A client pool wide enough that every request of a burst is on its own connection at once. */
export function wideClient(connections = 1024): Agent {
  return new Agent({ connections, pipelining: 1, keepAliveTimeout: 10_000 });
}

export interface ChatCall {
  url: string;
  key: string;
  body: object;
  dispatcher: Agent;
  signal?: AbortSignal;
}

/** POST /v1/chat/completions; the caller reads (or abandons) the body. */
export function postChat(call: ChatCall) {
  return request(`${call.url}/v1/chat/completions`, {
    method: 'POST', dispatcher: call.dispatcher, signal: call.signal,
    headers: { authorization: `Bearer ${call.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(call.body),
  });
}
