import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import type { CostAnomalyView, CostForecast, CostReport } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDollars, parseDollars } from '../src/billing/money';
import { CostMonitorService } from '../src/monitoring/cost/cost-monitor.service';
import { QueueName } from '../src/queue/message-queue.port';
import { MessageQueueService } from '../src/queue/message-queue.service';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Spend from real billed traffic: per day and model, the month-end forecast, and a spend anomaly
 * induced by a burst after a quiet history (older rows of real requests moved back in time).
 */
describe('cost monitor', () => {
  let t: TestApp;
  let owner: AdminClient;
  let viewer: AdminClient;
  let db: DataSource;
  let orgId: string;
  let key: string;
  let mock: MockProvider;

  const chat = async (model: string) => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content: 'price this [[mock:{"reply":"five words of reply here"}]]' }] }),
    });
    expect(res.status).toBe(200);
  };
  const rows = async () => Number((await db.query('SELECT count(*) AS n FROM usage_logs WHERE org_id = $1', [orgId]))[0].n);
  const waitForRows = async (n: number) => {
    const until = Date.now() + 10_000;
    while (Date.now() < until && (await rows()) < n) await new Promise((r) => setTimeout(r, 50));
    expect(await rows()).toBe(n);
  };
  const costByModel = async (): Promise<Record<string, string>> => Object.fromEntries(
    (await db.query('SELECT model, sum(cost_nano)::text AS cost FROM usage_logs WHERE org_id = $1 GROUP BY model', [orgId]) as { model: string; cost: string }[])
      .map((r) => [r.model, formatDollars(BigInt(r.cost))]),
  );

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    owner = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Spender' })).id;
    mock = await startMockProvider({ port: 0 });
    const account = await owner.createProvider(orgId, { name: 'p', kind: 'openai', baseUrl: `${mock.url}/v1` });
    for (const [name, price] of [['cheap', { inputPerMillion: '1', outputPerMillion: '2' }], ['pricey', { inputPerMillion: '30', outputPerMillion: '60' }]] as const) {
      const model = await owner.createModel(orgId, name, [{ providerAccountId: account.id, upstreamModel: 'm' }]);
      await owner.call('POST', `/api/orgs/${orgId}/models/${model.id}/prices`, { ...price, outputLimitTokens: 100 });
    }
    await owner.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: 10_000 });
    await owner.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '100' });
    key = await owner.createApiKey(orgId);
    viewer = (await inviteMember(t.url, owner, orgId, 'cost-viewer@x.test', 'viewer')).client;
    for (let i = 0; i < 3; i++) await chat('cheap');
    for (let i = 0; i < 2; i++) await chat('pricey');
    await waitForRows(5);
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('reports spend per day and model, matching the charges settled', async () => {
    const report = await viewer.call<CostReport>('GET', `/api/orgs/${orgId}/cost`);
    const today = new Date().toISOString().slice(0, 10);
    const byModel = await costByModel();
    expect(report.rows).toEqual([
      { day: today, model: 'cheap', requests: 3, cost: byModel.cheap },
      { day: today, model: 'pricey', requests: 2, cost: byModel.pricey },
    ]);
    expect(parseDollars(byModel.pricey!)).toBeGreaterThan(parseDollars(byModel.cheap!));
    expect(report.byModel.map((m) => m.model)).toEqual(['pricey', 'cheap']);
    const [charged] = await db.query("SELECT (-sum(amount_nano))::text AS sum FROM ledger_entries WHERE org_id = $1 AND entry_type = 'charge'", [orgId]);
    expect(report.total).toBe(formatDollars(BigInt(charged.sum)));
    expect(report.byDay).toEqual([{ day: today, cost: report.total }]);
    expect((await viewer.raw('GET', `/api/orgs/${orgId}/cost?from=yesterday`)).status).toBe(400);
  });

  it('forecasts the month from month-to-date and the trailing rate (an org younger than an hour trails one hour)', async () => {
    const f = await viewer.call<CostForecast>('GET', `/api/orgs/${orgId}/cost/forecast`);
    const { total } = await viewer.call<CostReport>('GET', `/api/orgs/${orgId}/cost`);
    const asOf = new Date(f.asOf).getTime();
    expect(new Date(f.trailingFrom).getTime()).toBe(asOf - HOUR_MS);
    expect(f.monthToDate).toBe(total);
    expect(f.trailingSpend).toBe(total);
    const msLeft = new Date(f.monthEnd).getTime() - asOf;
    expect(f.daysLeft).toBeCloseTo(msLeft / DAY_MS, 10);
    expect(f.forecast).toBe(formatDollars(parseDollars(total) + (parseDollars(total) * BigInt(msLeft)) / BigInt(HOUR_MS)));
    expect(f.trailingDailyAverage).toBe(formatDollars(parseDollars(total) * 24n));
  });

  it('flags an hour far above the trailing week, but not ordinary spend or small amounts', async () => {
    const monitor = t.app.get(CostMonitorService);
    // History: the first requests long ago (out of the baseline), then 60 like the next ones two days ago.
    const first: { request_id: string }[] = await db.query('SELECT request_id FROM usage_logs WHERE org_id = $1', [orgId]);
    await db.query("UPDATE usage_logs SET created_at = created_at - interval '10 days' WHERE org_id = $1", [orgId]);
    for (let i = 0; i < 60; i++) await chat('cheap');
    await waitForRows(65);
    await db.query(
      "UPDATE usage_logs SET created_at = created_at - interval '2 days' WHERE org_id = $1 AND NOT (request_id = ANY($2))",
      [orgId, first.map((r) => r.request_id)],
    );
    const [{ costs, cost }] = await db.query("SELECT count(DISTINCT cost_nano)::int AS costs, min(cost_nano)::text AS cost FROM usage_logs WHERE org_id = $1 AND model = 'cheap'", [orgId]);
    expect(costs).toBe(1);
    const perRequest = BigInt(cost);

    // One request in the last hour: 2.8x the hourly average (60 over 168 hours), under the 3x default.
    await chat('cheap');
    await waitForRows(66);
    const report = await viewer.call<CostReport>('GET', `/api/orgs/${orgId}/cost?from=${new Date(Date.now() - 3 * DAY_MS).toISOString()}`);
    expect(report.byDay.map((d) => d.cost)).toEqual([formatDollars(perRequest * 60n), formatDollars(perRequest)]);
    await owner.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMinSpend: formatDollars(perRequest) });
    const calm = await monitor.currentAnomaly(orgId);
    expect(calm).toMatchObject({ anomalous: false, spend: formatDollars(perRequest), multiplier: 3 });
    expect(calm.ratio).toBeCloseTo(2.8, 2);

    // A burst: 11 requests in the hour, ~30x. Below the minimum it stays quiet; above, the job records it.
    for (let i = 0; i < 10; i++) await chat('cheap');
    await waitForRows(76);
    await owner.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMinSpend: formatDollars(perRequest * 12n) });
    expect(await monitor.currentAnomaly(orgId)).toMatchObject({ anomalous: false, spend: formatDollars(perRequest * 11n) });
    expect(await viewer.call<CostAnomalyView[]>('GET', `/api/orgs/${orgId}/cost/anomalies`)).toEqual([]);
    await owner.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMinSpend: formatDollars(perRequest * 11n) });
    // The scheduled job, through the queue as the schedule adds it.
    await t.app.get(MessageQueueService).add(QueueName.Monitoring, 'detect-cost-anomalies', {});
    const until = Date.now() + 10_000;
    let anomalies: CostAnomalyView[] = [];
    while (Date.now() < until && !anomalies.length) anomalies = await viewer.call<CostAnomalyView[]>('GET', `/api/orgs/${orgId}/cost/anomalies`);
    expect(anomalies).toHaveLength(1);
    expect(await monitor.detectAll()).toBe(1);
    const check = await monitor.currentAnomaly(orgId);
    expect(check).toMatchObject({ anomalous: true, spend: formatDollars(perRequest * 11n), baselineHourly: formatDollars((perRequest * 60n) / 168n) });
    expect(check.ratio).toBeCloseTo(30.8, 1);

    anomalies = await viewer.call<CostAnomalyView[]>('GET', `/api/orgs/${orgId}/cost/anomalies`);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]).toMatchObject({ spend: formatDollars(perRequest * 11n), multiplier: 3, minSpend: formatDollars(perRequest * 11n) });
    expect(new Date(anomalies[0]!.hourStart).getTime() % HOUR_MS).toBe(0);
  });

  it('lets admins, not viewers, change the anomaly thresholds', async () => {
    expect((await viewer.raw('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMultiplier: 5 })).status).toBe(403);
    expect((await owner.raw('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMultiplier: 0.5 })).status).toBe(400);
    expect(await owner.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { anomalyMultiplier: 5 })).toMatchObject({ anomalyMultiplier: 5 });
    expect(await viewer.call('GET', `/api/orgs/${orgId}/monitoring/settings`)).toMatchObject({ anomalyMultiplier: 5, slaTargetPercent: '99.9' });
  });
});
