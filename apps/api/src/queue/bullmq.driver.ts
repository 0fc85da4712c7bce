import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, type JobHandler, type JobOptions, type MessageQueueDriver, QueueName } from './message-queue.port';

/** BullMQ on Redis: jobs survive restarts and can be processed by separate worker processes. */
export class BullMqDriver implements MessageQueueDriver {
  private readonly queues = new Map<QueueName, Queue>();
  private readonly workers: Worker[] = [];

  // BullMQ blocks on Redis for workers; it requires unlimited retries per request.
  private readonly connection: Redis;

  constructor(redisUrl: string, private readonly prefix: string, private readonly logger: Logger) {
    this.connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  }

  async add<T>(queue: QueueName, name: string, data: T, options: JobOptions = {}): Promise<void> {
    await this.queue(queue).add(name, data, {
      jobId: options.jobId,
      attempts: options.attempts ?? DEFAULT_JOB_OPTIONS.attempts,
      backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_JOB_OPTIONS.backoffMs },
      delay: options.delayMs,
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
  }

  work(queue: QueueName, handler: JobHandler, concurrency: number): void {
    const worker = new Worker(
      queue,
      async (job) => handler({ id: String(job.id), name: job.name, data: job.data, attempt: job.attemptsMade + 1 }),
      { connection: this.connection, prefix: this.prefix, concurrency },
    );
    worker.on('failed', (job, err) => {
      this.logger.warn({ queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: err.message }, 'job attempt failed');
    });
    worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'queue worker error'));
    this.workers.push(worker);
  }

  async schedule(queue: QueueName, name: string, everyMs: number): Promise<void> {
    // Upserting by name keeps one schedule however many instances start.
    await this.queue(queue).upsertJobScheduler(name, { every: everyMs }, { name, data: {}, opts: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }

  async depth(queue: QueueName): Promise<number> {
    const counts = await this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.connection.quit().catch(() => undefined);
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.prefix });
      queue.on('error', (err) => this.logger.error({ queue: name, err: err.message }, 'queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }
}
