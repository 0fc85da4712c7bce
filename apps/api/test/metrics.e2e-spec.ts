import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { register } from 'prom-client';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageQueueService } from '../src/queue/message-queue.service';
import { QueueName } from '../src/queue/message-queue.port';
import { AdminClient } from './support/admin-client';
import { eventually } from './support/eventually';
import { type PromFamily, sampleSum, scrapeMetrics } from './support/prometheus-text';
import { startTestApp, type TestApp } from './support/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** /metrics over a short load: every counter the gateway keeps moves, and no label carries an id. */
describe('Prometheus metrics', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mock: MockProvider;
  let db: DataSource;
  let orgId: string;
  let key: string;
  let limitedKey: string;
  let before: PromFamily[];
  let after: PromFamily[];
  let histogramsBefore: Map<string, number>;
  /** Every id the load touched: none may appear as a label value. */
  const ids = new Set<string>();

  const chat = async (model: string, content: string, apiKey = key, extra: object = {}) => {
    const res = await fetch(`${t.url}/v1/chat/completions`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, max_tokens: 20, messages: [{ role: 'user', content }], ...extra }),
    });
    const requestId = res.headers.get('x-request-id');
    if (requestId) ids.add(requestId);
    await res.text();
    return res.status;
  };
  const delta = (name: string, labels: Record<string, string> = {}) => sampleSum(after, name, labels) - sampleSum(before, name, labels);
  /**
   * The text parser folds labelled histograms into one set of buckets, so observation counts per label
   * set are read from the same registry /metrics renders.
   */
  const histogramCounts = async () => {
    const counts = new Map<string, number>();
    for (const metric of await register.getMetricsAsJSON()) {
      for (const v of metric.values) {
        if (v.metricName?.endsWith('_count')) counts.set(`${v.metricName} ${JSON.stringify(v.labels)}`, v.value);
      }
    }
    return counts;
  };
  const histogramDelta = async (name: string, labels: Record<string, string>) => {
    const key = `${name}_count ${JSON.stringify(labels)}`;
    return ((await histogramCounts()).get(key) ?? 0) - (histogramsBefore.get(key) ?? 0);
  };

  beforeAll(async () => {
    t = await startTestApp({ UPSTREAM_MAX_ATTEMPTS: '1' });
    admin = new AdminClient(t.url, await t.ownerToken());
    db = t.app.get(DataSource);
    mock = await startMockProvider({ port: 0 });
    orgId = (await admin.call<{ id: string }>('POST', '/api/orgs', { name: 'Metered' })).id;
    const accounts: Record<string, { id: string; keys: { id: string }[] }> = {};
    for (const name of ['metrics-mock', 'flaky-mock', 'locked-mock']) {
      accounts[name] = await admin.createProvider(orgId, { name, kind: 'openai', baseUrl: `${mock.url}/v1` });
    }
    for (const [model, account] of [['metered', 'metrics-mock'], ['flaky', 'flaky-mock'], ['locked', 'locked-mock']] as const) {
      const created = await admin.createModel(orgId, model, [{ providerAccountId: accounts[account]!.id, upstreamModel: 'm' }]);
      await admin.call('POST', `/api/orgs/${orgId}/models/${created.id}/prices`, { inputPerMillion: '3', outputPerMillion: '15', outputLimitTokens: 4096 });
      ids.add(created.id);
      for (const d of created.deployments) ids.add(d.id);
    }
    await admin.call('PUT', `/api/orgs/${orgId}/billing/settings`, { enabled: true, priceMultiplierBp: 15_000 });
    await admin.call('POST', `/api/orgs/${orgId}/billing/top-ups`, { amount: '10' });
    key = await admin.createApiKey(orgId);
    limitedKey = (await admin.call<{ secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'limited', limits: { rpm: 1 } })).secret;
    for (const a of Object.values(accounts)) [a.id, ...a.keys.map((k) => k.id)].forEach((id) => ids.add(id));
    for (const k of await admin.call<{ id: string }[]>('GET', `/api/orgs/${orgId}/api-keys`)) ids.add(k.id);
    ids.add(orgId);

    before = await scrapeMetrics(t.url);
    histogramsBefore = await histogramCounts();
    for (let i = 0; i < 4; i++) expect(await chat('metered', `hello number ${i}`)).toBe(200);
    expect(await chat('metered', 'stream please', key, { stream: true, stream_options: { include_usage: true } })).toBe(200);
    // Five provider failures open the flaky deployment's breaker.
    for (let i = 0; i < 5; i++) expect(await chat('flaky', '[[mock:{"status":500}]]')).toBe(502);
    // With its only breaker open the model has nowhere to go; an unknown model never had.
    expect(await chat('flaky', 'anyone there?')).toBe(503);
    expect(await chat('no-such-model', 'hello')).toBe(404);
    // The provider refuses the key itself: the key is disabled.
    expect(await chat('locked', '[[mock:{"status":401}]]')).toBe(502);
    expect(await chat('metered', 'first', limitedKey)).toBe(200);
    expect(await chat('metered', 'second', limitedKey)).toBe(429);
    // Last: the provider's 429 rests the model's only key for a minute.
    expect(await chat('metered', '[[mock:{"status":429,"retryAfterSeconds":60}]]')).toBe(429);
    // A job its processor cannot write (no org, no body) fails like any broken job would.
    await t.app.get(MessageQueueService).add(QueueName.RequestBodies, 'write', { requestId: 'broken-job' }, { attempts: 1 });
    // Cost is counted as requests finish; wait until every row is written so the database can be compared.
    await eventually(async () => Number((await db.query('SELECT count(*)::int AS n FROM usage_logs WHERE org_id = $1', [orgId]))[0].n), (n) => n >= 13);
    after = await eventually(() => scrapeMetrics(t.url), (m) => sampleSum(m, 'ai_router_queue_job_failures_total', { queue: 'request-bodies' }) >= 1);
  });
  afterAll(async () => {
    await t?.close();
    await mock?.close();
  });

  it('parses as the Prometheus text format with the app\'s families typed', () => {
    const types = Object.fromEntries(after.filter((f) => f.name.startsWith('ai_router_')).map((f) => [f.name, f.type]));
    expect(types).toMatchObject({
      ai_router_requests_total: 'COUNTER', ai_router_request_duration_seconds: 'HISTOGRAM', ai_router_time_to_first_token_seconds: 'HISTOGRAM',
      ai_router_tokens_total: 'COUNTER', ai_router_refusals_total: 'COUNTER', ai_router_upstream_errors_total: 'COUNTER',
      ai_router_cost_usd_total: 'COUNTER', ai_router_circuit_breakers: 'GAUGE', ai_router_provider_keys: 'GAUGE',
      ai_router_queue_depth: 'GAUGE', ai_router_queue_job_failures_total: 'COUNTER',
    });
  });

  it('counts requests, durations and tokens', async () => {
    expect(delta('ai_router_requests_total', { model: 'metered', status_class: '2xx' })).toBe(6);
    expect(delta('ai_router_requests_total', { model: 'flaky', status_class: '5xx' })).toBe(5);
    expect(delta('ai_router_requests_total', { model: 'none', status_class: '5xx' })).toBe(1);
    expect(delta('ai_router_requests_total', { model: 'none', status_class: '4xx' })).toBe(1);
    expect(await histogramDelta('ai_router_request_duration_seconds', { operation: 'chat' })).toBe(15);
    expect(await histogramDelta('ai_router_time_to_first_token_seconds', { model: 'metered' })).toBe(1);
    expect(delta('ai_router_tokens_total', { model: 'metered', kind: 'input' })).toBeGreaterThan(0);
    expect(delta('ai_router_tokens_total', { model: 'metered', kind: 'output' })).toBeGreaterThan(0);
  });

  it('counts the cost the ledger is charged, in dollars', async () => {
    const [row] = await db.query("SELECT coalesce(sum(cost_nano), 0)::text AS nano FROM usage_logs WHERE org_id = $1 AND model = 'metered'", [orgId]);
    const charged = Number(BigInt(row.nano)) / 1e9;
    expect(charged).toBeGreaterThan(0);
    expect(delta('ai_router_cost_usd_total', { model: 'metered', provider: 'metrics-mock' })).toBeCloseTo(charged, 9);
  });

  it('counts upstream errors by provider and kind', () => {
    expect(delta('ai_router_upstream_errors_total', { provider: 'flaky-mock', provider_kind: 'openai', kind: 'http_5xx' })).toBe(5);
    expect(delta('ai_router_upstream_errors_total', { provider: 'metrics-mock', kind: 'rate_limited' })).toBe(1);
    expect(delta('ai_router_upstream_errors_total', { provider: 'locked-mock', kind: 'auth' })).toBe(1);
  });

  it('counts policy refusals', () => {
    expect(delta('ai_router_refusals_total', { reason: 'rate_limit_exceeded' })).toBe(1);
  });

  it('shows breakers, key health, queue depth and job failures', () => {
    expect(sampleSum(after, 'ai_router_circuit_breakers', { state: 'open' })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after, 'ai_router_provider_keys', { provider_kind: 'openai', state: 'disabled' })).toBe(1);
    expect(sampleSum(after, 'ai_router_provider_keys', { provider_kind: 'openai', state: 'cooling_down' })).toBeGreaterThanOrEqual(1);
    const queues = after.find((f) => f.name === 'ai_router_queue_depth')!.metrics.map((m) => m.labels?.queue);
    expect(queues).toEqual(expect.arrayContaining(['schedule', 'request-bodies']));
    expect(delta('ai_router_queue_job_failures_total', { queue: 'request-bodies' })).toBe(1);
  });

  it('holds no id in any label', () => {
    const values = after.filter((f) => f.name.startsWith('ai_router_')).flatMap((f) => f.metrics.flatMap((m) => Object.values(m.labels ?? {})));
    expect(values.length).toBeGreaterThan(20);
    expect(values.filter((v) => UUID.test(v) || ids.has(v))).toEqual([]);
    expect(ids.size).toBeGreaterThan(15);
  });
});
