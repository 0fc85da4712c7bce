import cluster from 'node:cluster';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory';
import { BootstrapService } from './bootstrap/bootstrap.service';
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
  app = await createApp(config);
  if (!cluster.isWorker) app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  if (!isFirstGatewayProcess()) return;
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const baseUrl = `http://localhost:${port}`;
  const lines = [
    `AI Router listening on ${baseUrl} (${config.embedded ? 'embedded: PGlite' : 'PostgreSQL'}, ${config.REDIS_URL ? 'Redis/BullMQ' : 'in-process queue'}${config.HTTP_WORKERS > 1 ? `, ${config.HTTP_WORKERS} processes` : ''})`,
    `AI_ROUTER_URL=${baseUrl}`,
    ...app.get(BootstrapService).announcement(baseUrl),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`AI Router failed to start: ${err.message}\n`);
  process.exit(1);
});
