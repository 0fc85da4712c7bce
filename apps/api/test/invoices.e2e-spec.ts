import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import type { CloseInvoicePeriodResult, InvoiceSummaryView, InvoiceView } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDollars } from '../src/billing/money';
import { InvoiceClosingService } from '../src/invoices/invoice-closing.service';
import { InvoiceIssuedHooks, type IssuedInvoiceEvent } from '../src/invoices/invoice-issued.hooks';
import { monthContaining } from '../src/invoices/invoice-period';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { eventually } from './support/eventually';
import { startTestApp, type TestApp } from './support/test-app';

interface BilledOrg {
  orgId: string;
  key: string;
  requests: Record<string, number>;
}

const sequenceOf = (number: string) => Number(/^INV-\d{4}-(\d{6,})$/.exec(number)![1]);

describe('invoices: monthly close, numbering, documents, immutability', () => {
  let t: TestApp;
  let admin: AdminClient;
  let db: DataSource;
  let mock: MockProvider;
  let a: BilledOrg;
  let b: BilledOrg;
  let invoiceA: InvoiceView;
  const period = monthContaining(new Date());
  const events: IssuedInvoiceEvent[] = [];

  /** A fresh billed org with priced models, topped up, after `requests[model]` chat requests each. */
  async function billedOrg(name: string, prices: Record<string, object>, requests: Record<string, number>): Promise<BilledOrg> {
    const orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name })).id;
    const account = await admin.createProvider(orgId, { name: 'mock', kind: 'openai', baseUrl: `${mock.url}/v1` });
    for (const [model, price] of Object.entries(prices)) {
      const created = await admin.createModel(orgId, model, [{ providerAccountId: account.id, upstreamModel: 'm' }]);
      await admin.call('POST', `/api/orgs/${orgId}/models/${created.id}/prices`, { outputLimitTokens: 4096, ...price });
    }
    await admin.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: 15_000 });
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '100' });
    const key = await admin.createApiKey(orgId);
    let sent = 0;
    for (const [model, count] of Object.entries(requests)) {
      for (let i = 0; i < count; i++, sent++) {
        const res = await fetch(`${t.url}/v1/chat/completions`, {
          method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
          body: JSON.stringify({ model, max_tokens: 10 + i, messages: [{ role: 'user', content: `request ${i} `.repeat(i + 1) }] }),
        });
        expect(res.status).toBe(200);
      }
    }
    const settled = () => db.query(
      `SELECT (SELECT count(*)::int FROM usage_logs WHERE org_id = $1) AS rows, (SELECT held_nano::text FROM orgs WHERE id = $1) AS held`, [orgId],
    ).then((r: { rows: number; held: string }[]) => r[0]!);
    expect(await eventually(settled, (s) => s.rows === sent && s.held === '0')).toEqual({ rows: sent, held: '0' });
    return { orgId, key, requests };
  }

  /** Usage and charge-ledger sums of the period, straight from the tables. */
  async function periodSums(orgId: string) {
    const [row] = await db.query(
      `SELECT (SELECT coalesce(sum(cost_nano), 0)::text FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3) AS usage,
              (SELECT coalesce(sum(amount_nano), 0)::text FROM ledger_entries WHERE org_id = $1 AND entry_type = 'charge' AND created_at >= $2 AND created_at < $3) AS charges`,
      [orgId, period.start.toISOString(), period.end.toISOString()],
    );
    return { usage: BigInt(row.usage), charges: BigInt(row.charges) };
  }

  const closeMonth = (orgId: string, client = admin) => client.raw('POST', `/api/orgs/${orgId}/invoices/close`, { periodStart: period.start.toISOString().slice(0, 7) });

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    mock = await startMockProvider({ port: 0 });
    t.app.get(InvoiceIssuedHooks).register({ invoiceIssued: (e) => void events.push(e) });
    a = await billedOrg('Invoiced A', { alpha: { inputPerMillion: '3', outputPerMillion: '15' }, beta: { inputPerMillion: '0.5', outputPerMillion: '1.5', perRequest: '0.001' } }, { alpha: 3, beta: 2 });
    b = await billedOrg('Invoiced B', { gamma: { inputPerMillion: '2', outputPerMillion: '8' } }, { gamma: 2 });
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('closes the month on demand: total == usage costs == -(charges) to the nano-dollar, one line per model', async () => {
    const results = await Promise.all([closeMonth(a.orgId), closeMonth(a.orgId)]);
    const bodies = await Promise.all(results.map(async (r) => ({ status: r.status, body: (await r.json()) as CloseInvoicePeriodResult })));
    expect(bodies.map((x) => x.status)).toEqual([200, 200]);
    // Delivered twice at once: one created it, the other got the same invoice back.
    expect(bodies.map((x) => x.body.created).sort()).toEqual([false, true]);
    expect(bodies[0]!.body.invoice!.id).toBe(bodies[1]!.body.invoice!.id);
    invoiceA = bodies[0]!.body.invoice!;

    const sums = await periodSums(a.orgId);
    expect(sums.usage > 0n).toBe(true);
    expect(parseDollars(invoiceA.total)).toBe(sums.usage);
    expect(parseDollars(invoiceA.total)).toBe(-sums.charges);
    expect(invoiceA).toMatchObject({
      periodStart: period.start.toISOString(), periodEnd: period.end.toISOString(), status: 'issued', currency: 'USD', discount: '0.000000000',
      subtotal: invoiceA.total,
    });
    expect(invoiceA.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));

    const perModel: { model: string; requests: number; input: string; output: string; cost: string }[] = await db.query(
      `SELECT model, count(*)::int AS requests, sum(input_tokens)::text AS input, sum(output_tokens)::text AS output, sum(cost_nano)::text AS cost
       FROM usage_logs WHERE org_id = $1 GROUP BY model ORDER BY model`, [a.orgId],
    );
    expect(invoiceA.lines.map((l) => ({ model: l.model, requests: l.requests, input: String(l.inputTokens), output: String(l.outputTokens), cost: String(parseDollars(l.amount)) })))
      .toEqual(perModel);
    expect(invoiceA.lines.map((l) => [l.position, l.model, l.requests])).toEqual([[1, 'alpha', 3], [2, 'beta', 2]]);
    expect(invoiceA.lines.reduce((s, l) => s + parseDollars(l.amount), 0n)).toBe(parseDollars(invoiceA.subtotal));
  });

  it('closing the same month again returns the existing invoice and issues nothing', async () => {
    const again = (await (await closeMonth(a.orgId)).json()) as CloseInvoicePeriodResult;
    expect(again).toMatchObject({ created: false, invoice: { id: invoiceA.id, number: invoiceA.number } });
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM invoices WHERE org_id = $1', [a.orgId]);
    expect(count).toBe(1);
    expect(events.filter((e) => e.orgId === a.orgId)).toEqual([expect.objectContaining({ invoiceId: invoiceA.id, number: invoiceA.number, totalNano: parseDollars(invoiceA.total) })]);
  });

  it('the scheduled job, run twice at once after the month ends, invoices the other org once with the next number', async () => {
    const closing = t.app.get(InvoiceClosingService);
    const after = new Date(period.end.getTime() + 2 * 3_600_000);
    const [first, second] = await Promise.all([closing.closeDue(after), closing.closeDue(after)]);
    const issued = [...first, ...second];
    expect(issued.map((i) => i.orgId)).toEqual([b.orgId]);
    expect(sequenceOf(issued[0]!.number)).toBe(sequenceOf(invoiceA.number) + 1);
    expect(BigInt(issued[0]!.totalNano)).toBe((await periodSums(b.orgId)).usage);
    expect(await closing.closeDue(after)).toEqual([]);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM invoices');
    expect(count).toBe(2);
    expect(events.map((e) => e.orgId).sort()).toEqual([a.orgId, b.orgId].sort());
  });

  it('lists and reads invoices within the org only; another org\'s invoice id is 404', async () => {
    const list = await admin.call<InvoiceSummaryView[]>('GET', `/api/orgs/${a.orgId}/invoices`);
    expect(list.map((i) => i.id)).toEqual([invoiceA.id]);
    expect(await admin.call('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}`)).toEqual(invoiceA);
    const [invoiceB] = await admin.call<InvoiceSummaryView[]>('GET', `/api/orgs/${b.orgId}/invoices`);
    for (const suffix of ['', '/pdf', '/csv']) {
      expect((await admin.raw('GET', `/api/orgs/${a.orgId}/invoices/${invoiceB!.id}${suffix}`)).status).toBe(404);
    }
    expect((await admin.raw('GET', `/api/orgs/${a.orgId}/invoices/not-a-uuid`)).status).toBe(404);
  });

  it('serves the PDF', async () => {
    const res = await admin.raw('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${invoiceA.number}.pdf"`);
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF')).toBe(true);
    // The number is the document title: PDF metadata, readable even though page streams are compressed.
    expect(pdf).toContain(invoiceA.number);
  });

  it('serves the CSV with exact nano-dollar amounts', async () => {
    const res = await admin.raw('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}/csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await res.text()).trimEnd().split('\r\n').map((line) => line.split(','));
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)]!;
    const lines = rows.filter((r) => col(r, 'kind') === 'line');
    expect(lines.map((r) => [col(r, 'model'), col(r, 'amount_nano')])).toEqual(invoiceA.lines.map((l) => [l.model, String(parseDollars(l.amount))]));
    expect(rows.every((r) => r.length === header.length && col(r, 'invoice_number') !== '')).toBe(true);
    const total = rows.find((r) => col(r, 'kind') === 'total')!;
    expect(BigInt(col(total, 'amount_nano'))).toBe(parseDollars(invoiceA.total));
    expect(col(total, 'amount_usd')).toBe(invoiceA.total);
  });

  it('validates periodStart and refuses months that have not started', async () => {
    expect((await admin.raw('POST', `/api/orgs/${a.orgId}/invoices/close`, { periodStart: 'soon' })).status).toBe(400);
    const next = period.end.toISOString().slice(0, 7);
    expect((await admin.raw('POST', `/api/orgs/${a.orgId}/invoices/close`, { periodStart: next })).status).toBe(400);
    // A month without charges: nothing to invoice.
    const empty = await admin.call<CloseInvoicePeriodResult>('POST', `/api/orgs/${a.orgId}/invoices/close`, { periodStart: '2020-01' });
    expect(empty).toEqual({ periodStart: '2020-01-01T00:00:00.000Z', periodEnd: '2020-02-01T00:00:00.000Z', created: false, invoice: null });
  });

  it('lets org members read invoices but only the platform owner close a month', async () => {
    const viewer = (await inviteMember(t.url, admin, a.orgId, 'invoice-viewer@x.test', 'viewer')).client;
    expect((await viewer.raw('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}`)).status).toBe(200);
    expect((await viewer.raw('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}/pdf`)).status).toBe(200);
    expect((await closeMonth(a.orgId, viewer)).status).toBe(403);
    expect((await viewer.raw('GET', `/api/orgs/${b.orgId}/invoices`)).status).toBe(404);
  });

  it('the database refuses to change or delete an issued invoice or its lines', async () => {
    const refused = (sql: string, params: unknown[] = []) => expect(db.query(sql, params)).rejects.toThrow(/immutable/);
    await refused('UPDATE invoices SET total_nano = 0, subtotal_nano = 0 WHERE id = $1', [invoiceA.id]);
    await refused('DELETE FROM invoices WHERE id = $1', [invoiceA.id]);
    await refused('UPDATE invoice_lines SET amount_nano = 0 WHERE invoice_id = $1', [invoiceA.id]);
    await refused('DELETE FROM invoice_lines WHERE invoice_id = $1', [invoiceA.id]);
    await refused(`INSERT INTO invoice_lines (invoice_id, position, model, amount_nano) VALUES ($1, 99, 'extra', 1)`, [invoiceA.id]);
    await refused('TRUNCATE invoice_lines');
    expect(await admin.call('GET', `/api/orgs/${a.orgId}/invoices/${invoiceA.id}`)).toEqual(invoiceA);
  });
});

