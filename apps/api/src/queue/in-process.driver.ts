import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DEFAULT_JOB_OPTIONS, type JobHandler, type JobOptions, type MessageQueueDriver, type QueueJob, QueueName } from './message-queue.port';

interface PendingJob extends QueueJob {
  attempts: number;
  backoffMs: number;
}

/** Runs jobs in this process with the same retry semantics as the BullMQ driver; for embedded mode and tests. */
export class InProcessQueueDriver implements MessageQueueDriver {
  private readonly waiting = new Map<QueueName, PendingJob[]>();
  private readonly handlers = new Map<QueueName, { handler: JobHandler; concurrency: number; running: number }>();
  private readonly knownIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly intervals = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  async add<T>(queue: QueueName, name: string, data: T, options: JobOptions = {}): Promise<void> {
    const id = options.jobId ?? randomUUID();
    if (this.knownIds.has(id)) return;
    this.knownIds.add(id);
    const job: PendingJob = {
      id, name, data, attempt: 1,
      attempts: options.attempts ?? DEFAULT_JOB_OPTIONS.attempts,
      backoffMs: options.backoffMs ?? DEFAULT_JOB_OPTIONS.backoffMs,
    };
    this.enqueue(queue, job, options.delayMs ?? 0);
  }

  work(queue: QueueName, handler: JobHandler, concurrency: number): void {
    this.handlers.set(queue, { handler, concurrency, running: 0 });
    this.drain(queue);
  }

  async schedule(queue: QueueName, name: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.add(queue, name, {}, { jobId: `${name}:${Math.floor(Date.now() / everyMs)}`, attempts: 1 }), everyMs);
    timer.unref();
    this.intervals.add(timer);
  }

  async depth(queue: QueueName): Promise<number> {
    return (this.waiting.get(queue)?.length ?? 0) + (this.handlers.get(queue)?.running ?? 0);
  }

  async healthy(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const interval of this.intervals) clearInterval(interval);
    this.timers.clear();
    this.intervals.clear();
  }

  private enqueue(queue: QueueName, job: PendingJob, delayMs: number): void {
    if (delayMs > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.enqueue(queue, job, 0);
      }, delayMs);
      this.timers.add(timer);
      return;
    }
    const list = this.waiting.get(queue) ?? [];
    list.push(job);
    this.waiting.set(queue, list);
    this.drain(queue);
  }

  private drain(queue: QueueName): void {
    const worker = this.handlers.get(queue);
    const list = this.waiting.get(queue);
    while (!this.closed && worker && list?.length && worker.running < worker.concurrency) {
      const job = list.shift()!;
      worker.running++;
      setImmediate(() => void this.run(queue, job, worker));
    }
  }

  private async run(queue: QueueName, job: PendingJob, worker: { handler: JobHandler; running: number }): Promise<void> {
    try {
      await worker.handler(job);
      this.knownIds.delete(job.id);
    } catch (err) {
      if (job.attempt < job.attempts) {
        const delay = job.backoffMs * 2 ** (job.attempt - 1);
        this.enqueue(queue, { ...job, attempt: job.attempt + 1 }, delay);
      } else {
        this.knownIds.delete(job.id);
        this.logger.error({ queue, job: job.name, jobId: job.id, err: (err as Error).message }, 'job failed for good');
      }
    } finally {
      worker.running--;
      this.drain(queue);
    }
  }
}
