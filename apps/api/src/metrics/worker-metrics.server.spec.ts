import { Counter, register } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { scrapeMetrics } from '../../test/support/prometheus-text';
import { WorkerMetricsServer } from './worker-metrics.server';

describe('WorkerMetricsServer', () => {
  let server: WorkerMetricsServer | null = null;
  afterEach(async () => {
    await server?.onApplicationShutdown();
    register.removeSingleMetric('ai_router_worker_test_total');
  });

  it('serves the process registry on /metrics and nothing else', async () => {
    new Counter({ name: 'ai_router_worker_test_total', help: 'test', labelNames: ['queue'] }).inc({ queue: 'usage' }, 3);
    // Port 0 picks a free port (the config schema itself asks for 1-65535).
    server = new WorkerMetricsServer({ WORKER_METRICS_PORT: 0, HOST: '127.0.0.1' });
    await server.onApplicationBootstrap();
    const url = `http://127.0.0.1:${server.address()!.port}`;
    const family = (await scrapeMetrics(url)).find((f) => f.name === 'ai_router_worker_test_total');
    expect(family?.metrics).toEqual([{ labels: { queue: 'usage' }, value: '3' }]);
    expect((await fetch(`${url}/health`)).status).toBe(404);
    expect((await fetch(`${url}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('listens nowhere without a port', async () => {
    server = new WorkerMetricsServer({ WORKER_METRICS_PORT: undefined, HOST: '127.0.0.1' });
    await server.onApplicationBootstrap();
    expect(server.address()).toBeNull();
  });
});
