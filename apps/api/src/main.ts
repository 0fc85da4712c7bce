import cluster from 'node:cluster';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { shareMetricsWithPrimary } from './cluster/cluster-metrics';
import { isFirstGatewayProcess, drainOnStop, superviseHttpWorkers } from './cluster/http-workers';
import { createLogger } from './common/logger';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (config.HTTP_WORKERS > 1 && cluster.isPrimary) {
    superviseHttpWorkers(config, createLogger(config.LOG_LEVEL, config.LOG_FILE));
    return;
  }
  let app: NestFastifyApplication | null = null;
  if (cluster.isWorker) {
    // Before the app is built: a scrape or a stop during this process's start must not wait for it
    // (stopped before it listens, it has nothing to drain).
    shareMetricsWithPrimary();
    drainOnStop(async () => app?.close());
  }
  // Loaded only here: a cluster primary never builds the app, so it stays small.
  const { createApp } = require('./app.factory') as typeof import('./app.factory');
  const { BootstrapService } = require('./bootstrap/bootstrap.service') as typeof import('./bootstrap/bootstrap.service');
  const served = await createApp(config);
  app = served;
  if (!cluster.isWorker) served.enableShutdownHooks();
  await served.listen(config.PORT, config.HOST);
  if (!isFirstGatewayProcess()) return;
  const address = served.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const baseUrl = `http://localhost:${port}`;
  const lines = [
    `AI Router listening on ${baseUrl} (${config.embedded ? 'embedded: PGlite' : 'PostgreSQL'}, ${config.REDIS_URL ? 'Redis/BullMQ' : 'in-process queue'}${config.HTTP_WORKERS > 1 ? `, ${config.HTTP_WORKERS} processes` : ''})`,
    `AI_ROUTER_URL=${baseUrl}`,
    ...served.get(BootstrapService).announcement(baseUrl),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`AI Router failed to start: ${err.message}\n`);
  process.exit(1);
});
