import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import type { RunSlaReportsResult, SlaReportView, SlaSubjectStats, SlaView } from '@ai-router/contracts';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_GRACE_MS, SlaReportsService } from '../src/monitoring/sla/sla-reports.service';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/**
 * Real traffic through the gateway (mock upstreams with latency and faults), then the SLA numbers:
 * outcomes per provider, deployment and model, percentiles, error budget against the org's target,
 * and the daily/monthly reports the scheduled job issues once.
 */
describe('SLA monitor', () => {
  let t: TestApp;
  let owner: AdminClient;
  let admin: AdminClient;
  let viewer: AdminClient;
  let orgId: string;
  let key: string;
  let mocks: { fast: MockProvider; slow: MockProvider; broken: MockProvider };
  const accounts: Record<string, string> = {};

  const chat = (model: string, content: string, extra: object = {}, init: RequestInit = {}) => fetch(`${t.url}/v1/chat/completions`, {
    method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, max_tokens: 10, messages: [{ role: 'user', content }], ...extra }), ...init,
  });
  const subject = (view: { subjects: SlaSubjectStats[] } | SlaSubjectStats[], kind: string, id: string) =>
    (Array.isArray(view) ? view : view.subjects).find((s) => s.kind === kind && s.id === id)!;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false', UPSTREAM_MAX_ATTEMPTS: '1' });
    owner = new AdminClient(t.url, await t.ownerToken());
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Watched' })).id;
    mocks = { fast: await startMockProvider({ port: 0 }), slow: await startMockProvider({ port: 0, baseLatencyMs: 400 }), broken: await startMockProvider({ port: 0 }) };
    mocks.broken.setFault({ status: 500 });
    for (const [name, mock] of Object.entries(mocks)) {
      const account = await owner.createProvider(orgId, { name: `${name}-provider`, kind: 'openai', baseUrl: `${mock.url}/v1` });
      accounts[name] = account.id;
      await owner.createModel(orgId, name, [{ providerAccountId: account.id, upstreamModel: 'm' }]);
    }
    key = await owner.createApiKey(orgId);
    admin = (await inviteMember(t.url, owner, orgId, 'sla-admin@x.test', 'admin')).client;
    viewer = (await inviteMember(t.url, owner, orgId, 'sla-viewer@x.test', 'viewer')).client;

    // fast: 6 plain and 2 streamed successes, 2 provider failures (503), 1 client error (400).
    for (let i = 0; i < 6; i++) expect((await chat('fast', 'hello')).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await chat('fast', 'stream please', { stream: true });
      expect(res.status).toBe(200);
      await res.text();
    }
    for (let i = 0; i < 2; i++) expect((await chat('fast', 'x [[mock:{"status":503}]]')).status).toBe(503);
    expect((await chat('fast', 'x [[mock:{"status":400}]]')).status).toBe(400);
    // slow: 4 successes at 400 ms upstream latency, and a client that leaves mid-stream (499).
    for (let i = 0; i < 4; i++) expect((await chat('slow', 'hello')).status).toBe(200);
    const controller = new AbortController();
    const leaving = await chat('slow', `long [[mock:{"chunks":200,"chunkDelayMs":20}]]`, { stream: true }, { signal: controller.signal });
    await leaving.body!.getReader().read();
    controller.abort();
    // broken: every request fails upstream with 500 (relayed as 502).
    for (let i = 0; i < 2; i++) expect((await chat('broken', 'hello')).status).toBe(502);

    const db = t.app.get(DataSource);
    const until = Date.now() + 10_000;
    while (Date.now() < until && Number((await db.query('SELECT count(*) AS n FROM usage_logs WHERE org_id = $1', [orgId]))[0].n) < 18) {
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(Object.values(mocks ?? {}).map((m) => m.close()));
  });

  it('counts successes, provider failures and client errors (400, 499) per model, provider and deployment', async () => {
    const view = await viewer.call<SlaView>('GET', `/api/orgs/${orgId}/sla?window=1h`);
    expect(view).toMatchObject({ window: '1h', target: '99.9', sliceMinutes: 5 });
    expect(subject(view, 'org', 'all')).toMatchObject({ name: 'Watched', requests: 18, successes: 12, providerFailures: 4, clientErrors: 2, successRate: 0.75 });
    expect(subject(view, 'model', 'fast')).toMatchObject({ requests: 11, successes: 8, providerFailures: 2, clientErrors: 1, successRate: 0.8 });
    expect(subject(view, 'model', 'slow')).toMatchObject({ requests: 5, successes: 4, providerFailures: 0, clientErrors: 1, successRate: 1, targetMet: true });
    expect(subject(view, 'provider', accounts.broken!)).toMatchObject({ name: 'broken-provider', requests: 2, successes: 0, providerFailures: 2, successRate: 0, targetMet: false });
    const deployments = view.subjects.filter((s) => s.kind === 'deployment');
    expect(deployments.map((d) => d.name).sort()).toEqual(['broken via broken-provider (m)', 'fast via fast-provider (m)', 'slow via slow-provider (m)']);
    expect(deployments.reduce((n, d) => n + d.requests, 0)).toBe(18);
  });

  it('marks slices where most requests failed as unavailable', async () => {
    const view = await viewer.call<SlaView>('GET', `/api/orgs/${orgId}/sla?window=1h`);
    const broken = subject(view, 'model', 'broken');
    expect(broken.totalSlices).toBe(12);
    expect(broken.badSlices).toBeGreaterThanOrEqual(1);
    expect(broken.availability).toBeCloseTo(1 - broken.badSlices / 12, 10);
    expect(subject(view, 'model', 'slow')).toMatchObject({ badSlices: 0, availability: 1 });
  });

  it('gives latency and TTFT percentiles of successful requests', async () => {
    const view = await viewer.call<SlaView>('GET', `/api/orgs/${orgId}/sla?window=24h`);
    const slow = subject(view, 'model', 'slow');
    const fast = subject(view, 'model', 'fast');
    expect(slow.latencyMs.p50).toBeGreaterThanOrEqual(400 * 0.99);
    expect(slow.latencyMs.p99).toBeLessThan(5_000);
    expect(fast.latencyMs.p50).toBeLessThan(400);
    expect(fast.latencyMs.p50!).toBeLessThanOrEqual(fast.latencyMs.p95!);
    expect(fast.latencyMs.p95!).toBeLessThanOrEqual(fast.latencyMs.p99!);
    expect(fast.ttftMs.p50).not.toBeNull();
    expect(slow.ttftMs).toEqual({ p50: null, p95: null, p99: null });
    expect(subject(view, 'model', 'broken').latencyMs.p50).toBeNull();
  });

  it('spends the error budget against the org target, which only admins set', async () => {
    const before = subject(await viewer.call<SlaView>('GET', `/api/orgs/${orgId}/sla?window=7d`), 'org', 'all');
    // 16 eligible requests at 99.9%: no failure allowed, 4 seen.
    expect(before.errorBudget).toEqual({ allowedFailures: 0, actualFailures: 4, remaining: -4, remainingRatio: null });
    expect(before.targetMet).toBe(false);
    expect((await viewer.raw('PUT', `/api/orgs/${orgId}/monitoring/settings`, { slaTargetPercent: 75 })).status).toBe(403);
    expect((await admin.raw('PUT', `/api/orgs/${orgId}/monitoring/settings`, { slaTargetPercent: 101 })).status).toBe(400);
    expect(await admin.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { slaTargetPercent: 75 })).toMatchObject({ slaTargetPercent: '75' });
    const after = await viewer.call<SlaView>('GET', `/api/orgs/${orgId}/sla?window=30d`);
    expect(after.target).toBe('75');
    // 16 x 25% = 4 allowed, 4 used: exactly on target.
    expect(subject(after, 'org', 'all')).toMatchObject({ errorBudget: { allowedFailures: 4, actualFailures: 4, remaining: 0, remainingRatio: 0 }, targetMet: true });
    expect((await viewer.raw('GET', `/api/orgs/${orgId}/sla?window=2h`)).status).toBe(400);
  });

  it('issues daily and monthly reports once per closed period, keeping what was issued', async () => {
    const reports = t.app.get(SlaReportsService);
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    const list = (period: string) => viewer.call<SlaReportView[]>('GET', `/api/orgs/${orgId}/sla/reports?period=${period}&from=${today.toISOString()}&to=${new Date(today.getTime() + DAY_MS).toISOString()}`);
    expect(await list('daily')).toEqual([]);

    // The job a day later: today has closed (and the month too, on a month's last day).
    const dayLater = new Date(Date.now() + DAY_MS + 3_600_000);
    const monthClosedToo = new Date(dayLater.getTime() - REPORT_GRACE_MS).getUTCMonth() !== today.getUTCMonth();
    expect(await reports.runDue(dayLater)).toBe(monthClosedToo ? 20 : 10);
    const daily = await list('daily');
    expect(daily).toHaveLength(10);
    expect(daily[0]).toMatchObject({ kind: 'org', period: 'daily', periodStart: today.toISOString(), requests: 18, successes: 12, providerFailures: 4, clientErrors: 2, target: '75', targetMet: true });
    expect(daily.find((r) => r.kind === 'model' && r.id === 'slow')!.latencyMs.p50).toBeGreaterThanOrEqual(396);

    // Again, with another target and on several workers at once: nothing is rewritten or duplicated.
    await admin.call('PUT', `/api/orgs/${orgId}/monitoring/settings`, { slaTargetPercent: 99.99 });
    const again = await Promise.all([0, 1].map(() => reports.runDue(dayLater)));
    expect(again).toEqual([0, 0]);
    expect(await list('daily')).toEqual(daily);

    // A month later the month closes (the monthly row starts at the month's first day).
    expect(await reports.runDue(new Date(Date.now() + 40 * DAY_MS))).toBe(monthClosedToo ? 0 : 10);
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
    const monthly = await viewer.call<SlaReportView[]>('GET', `/api/orgs/${orgId}/sla/reports?period=monthly&subjectKind=org&from=${monthStart.toISOString()}`);
    expect(monthly).toEqual([expect.objectContaining({ kind: 'org', periodStart: monthStart.toISOString(), requests: 18, target: monthClosedToo ? '75' : '99.99', targetMet: monthClosedToo })]);
  });

  it('issues a closed period on demand for the platform owner only', async () => {
    const closed = new Date(Date.now() - 2 * DAY_MS).toISOString();
    expect((await admin.raw('POST', `/api/orgs/${orgId}/sla/reports/run`, { period: 'daily', periodStart: closed })).status).toBe(403);
    const open = await owner.raw('POST', `/api/orgs/${orgId}/sla/reports/run`, { period: 'daily', periodStart: new Date().toISOString() });
    expect(open.status).toBe(400);
    expect(await owner.call<RunSlaReportsResult>('POST', `/api/orgs/${orgId}/sla/reports/run`, { period: 'daily', periodStart: closed })).toEqual({ issued: 0, reports: [] });
  });
});
