import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { infrastructureModules } from './app.module';
import { PinoNestLogger } from './common/logger';
import { LOGGER } from './common/logger.module';
import { ConfigError, loadConfig } from './config/app-config';
import { BillingCoreModule } from './billing/billing-core.module';
import { InvoicesCoreModule } from './invoices/invoices-core.module';
import { MonitoringCoreModule } from './monitoring/monitoring-core.module';
import { WorkerMetricsServer } from './metrics/worker-metrics.server';
import { NotificationsCoreModule } from './notifications/notifications.module';
import { RequestBodiesCoreModule } from './request-bodies/request-bodies.module';
import { UsageModule } from './usage/usage.module';

/** Queue processors without the HTTP surface: scale these separately from API replicas. */
async function main(): Promise<void> {
  let config;
  try {
    config = { ...loadConfig(), RUN_WORKER: true };
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  @Module({ imports: [...infrastructureModules(config), BillingCoreModule, InvoicesCoreModule, NotificationsCoreModule.forWorker(), UsageModule, MonitoringCoreModule, RequestBodiesCoreModule], providers: [WorkerMetricsServer] })
  class WorkerModule {}
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(new PinoNestLogger(app.get<Logger>(LOGGER)));
  app.enableShutdownHooks();
  process.stdout.write(`AI Router worker started (${config.REDIS_URL ? 'BullMQ' : 'in-process queue'})\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`AI Router worker failed to start: ${err.message}\n`);
  process.exit(1);
});
