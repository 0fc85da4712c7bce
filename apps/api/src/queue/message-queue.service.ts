import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectMetric } from '@willsoto/nestjs-prometheus';
import type { Counter } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LOGGER } from '../common/logger.module';
import type { Logger } from 'pino';
import { QUEUE_JOB_FAILURES } from '../metrics/queue-job-failures.metric';
import { BullMqDriver } from './bullmq.driver';
import { InProcessQueueDriver } from './in-process.driver';
import type { JobHandler, JobOptions, MessageQueueDriver, QueueName } from './message-queue.port';

/** The app's queue: picks the driver from config; processors register only where workers run. */
@Injectable()
export class MessageQueueService implements OnApplicationShutdown {
  private readonly driver: MessageQueueDriver;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) logger: Logger,
    @InjectMetric(QUEUE_JOB_FAILURES) private readonly failures: Counter<string>,
  ) {
    this.driver = config.REDIS_URL ? new BullMqDriver(config.REDIS_URL, config.REDIS_PREFIX, logger) : new InProcessQueueDriver(logger);
  }

  get driverName(): 'bullmq' | 'in-process' {
    return this.driver instanceof BullMqDriver ? 'bullmq' : 'in-process';
  }

  add<T>(queue: QueueName, name: string, data: T, options?: JobOptions): Promise<void> {
    return this.driver.add(queue, name, data, options);
  }

  /**
   * Registers a processor if this process runs workers, or always with `onApiInstances` (jobs whose
   * effects live in the API's memory, such as health probes feeding breakers); returns whether it did.
   */
  process(queue: QueueName, handler: JobHandler, concurrency = 4, options: { onApiInstances?: boolean } = {}): boolean {
    if (!this.config.RUN_WORKER && !options.onApiInstances) return false;
    this.driver.work(queue, async (job) => {
      try {
        await handler(job);
      } catch (err) {
        this.failures.inc({ queue });
        throw err;
      }
    }, concurrency);
    return true;
  }

  schedule(queue: QueueName, name: string, everyMs: number): Promise<void> {
    return this.driver.schedule(queue, name, everyMs);
  }

  depth(queue: QueueName): Promise<number> {
    return this.driver.depth(queue);
  }

  healthy(): Promise<boolean> {
    return this.driver.healthy();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.driver.close();
  }
}
