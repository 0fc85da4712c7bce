import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scrapeMetrics } from '../../apps/api/test/support/prometheus-text';
import { startTestApp, type TestApp } from '../../apps/api/test/support/test-app';

// The Prometheus rules and the Grafana dashboard are held to the metrics a running app exports: a
// renamed or dropped metric fails here instead of silently emptying a panel or muting an alert.

const root = resolve(__dirname, '../..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: { refId: string; expr: string; datasource?: { uid: string } }[];
}

/** Metric names a PromQL expression selects; throws on a syntax error. */
function selectedMetrics(expr: string): string[] {
  const names: string[] = [];
  const errors: number[] = [];
  parser.parse(expr).iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') names.push(expr.slice(node.from, node.to));
    },
  });
  if (errors.length) throw new Error(`PromQL syntax error at ${errors[0]} in: ${expr}`);
  return names;
}

/** Grafana variables replaced by values PromQL accepts, so dashboard queries parse as Prometheus would get them. */
const withVariables = (expr: string) => expr.replaceAll('$__rate_interval', '5m').replace(/\$(model|job)\b/g, '.*');

describe('deploy/prometheus and deploy/grafana against the exported metrics', () => {
  let t: TestApp;
  let exported: Set<string>;
  let ours: string[];

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    exported = new Set();
    for (const family of await scrapeMetrics(t.url)) {
      exported.add(family.name);
      if (family.type === 'HISTOGRAM') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(family.name + suffix);
      if (family.type === 'SUMMARY') for (const suffix of ['_sum', '_count']) exported.add(family.name + suffix);
    }
    ours = [...exported].filter((n) => n.startsWith('ai_router_') && !/_(bucket|sum|count)$/.test(n));
  });
  afterAll(() => t?.close());

  describe('deploy/prometheus/ai-router.rules.yml', () => {
    const groups = (parse(read('deploy/prometheus/ai-router.rules.yml')) as { groups: { name: string; rules: Rule[] }[] }).groups;
    const rules = groups.flatMap((g) => g.rules);
    const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));

    it('has uniquely named groups of recording and alerting rules', () => {
      expect(new Set(groups.map((g) => g.name)).size).toBe(groups.length);
      expect(recorded.size).toBeGreaterThan(0);
      for (const rule of rules) {
        expect(Boolean(rule.record) !== Boolean(rule.alert), JSON.stringify(rule)).toBe(true);
        // Prometheus convention for recorded series: level:metric:operations.
        if (rule.record) expect(rule.record).toMatch(/^ai_router:[a-z0-9_]+:[a-z0-9_]+$/);
      }
    });

    it('gives every alert a duration, a severity and a summary', () => {
      for (const rule of rules.filter((r) => r.alert)) {
        expect(rule.alert).toMatch(/^AiRouter[A-Za-z0-9]+$/);
        expect(rule.for, rule.alert).toMatch(/^\d+[smh]$/);
        expect(['warning', 'critical'], rule.alert).toContain(rule.labels?.severity);
        expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      }
    });

    it('alerts on error rate, latency, open breakers, disabled keys, the usage backlog and queue depth', () => {
      const alerts = Object.fromEntries(rules.filter((r) => r.alert).map((r) => [r.alert!, r.expr]));
      expect(Object.keys(alerts)).toEqual(expect.arrayContaining([
        'AiRouterHighErrorRate', 'AiRouterHighLatencyP95', 'AiRouterCircuitBreakerOpen', 'AiRouterProviderKeysDisabled',
        'AiRouterUsageBacklog', 'AiRouterQueueBacklog',
      ]));
      expect(alerts.AiRouterCircuitBreakerOpen).toMatch(/ai_router_circuit_breakers\{state="open"\}/);
      expect(alerts.AiRouterProviderKeysDisabled).toMatch(/ai_router_provider_keys\{state="disabled"\}/);
      expect(alerts.AiRouterUsageBacklog).toMatch(/ai_router_usage_writer_backlog/);
    });

    it('references only metrics the app exports, or series the rules record', () => {
      const unknown = rules.flatMap((r) => selectedMetrics(r.expr)).filter((name) => !exported.has(name) && !recorded.has(name));
      expect(unknown).toEqual([]);
    });
  });

  describe('deploy/grafana/ai-router-dashboard.json', () => {
    const dashboard = JSON.parse(read('deploy/grafana/ai-router-dashboard.json')) as {
      uid: string; title: string; panels: Panel[]; templating: { list: { name: string; type: string; query: string | { query: string } }[] };
    };
    const panels = dashboard.panels.filter((p) => p.type !== 'row');
    const queries = panels.flatMap((p) => (p.targets ?? []).map((target) => ({ panel: p.title, expr: withVariables(target.expr) })));

    it('is an importable dashboard with a data source variable used by every panel', () => {
      expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
      expect(dashboard.title).toBeTruthy();
      expect(dashboard.templating.list.find((v) => v.name === 'datasource')).toMatchObject({ type: 'datasource', query: 'prometheus' });
      expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
      for (const panel of panels) {
        expect(panel.datasource?.uid, panel.title).toBe('${datasource}');
        expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
        expect(new Set(panel.targets!.map((x) => x.refId)).size, panel.title).toBe(panel.targets!.length);
      }
    });

    it('lays panels out on the 24-column grid without overlaps', () => {
      const cells = new Set<string>();
      for (const { gridPos: g, title } of dashboard.panels) {
        expect(g.x + g.w, title).toBeLessThanOrEqual(24);
        for (let x = g.x; x < g.x + g.w; x++) {
          for (let y = g.y; y < g.y + g.h; y++) {
            expect(cells.has(`${x},${y}`), `${title} overlaps at ${x},${y}`).toBe(false);
            cells.add(`${x},${y}`);
          }
        }
      }
    });

    it('queries only metrics the app exports (no recording rules needed)', () => {
      const templated = dashboard.templating.list
        .map((v) => (typeof v.query === 'string' ? v.query : v.query.query))
        .flatMap((q) => [...q.matchAll(/label_values\(([a-zA-Z_:][a-zA-Z0-9_:]*)/g)].map((m) => m[1]!));
      const unknown = [...queries.flatMap((q) => selectedMetrics(q.expr)), ...templated].filter((name) => !exported.has(name));
      expect(unknown).toEqual([]);
    });

    it('shows every ai_router_* metric the app exports', () => {
      const shown = new Set(queries.flatMap((q) => selectedMetrics(q.expr)).map((n) => n.replace(/_(bucket|sum|count)$/, '')));
      expect(ours.length).toBeGreaterThanOrEqual(10);
      expect(ours.filter((name) => !shown.has(name))).toEqual([]);
    });
  });
});
