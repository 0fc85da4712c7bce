import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { BullMqDriver } from '../src/queue/bullmq.driver';
import { InProcessQueueDriver } from '../src/queue/in-process.driver';
import { type MessageQueueDriver, type QueueJob, QueueName } from '../src/queue/message-queue.port';

const logger = pino({ level: 'silent' });
const drivers: [string, () => MessageQueueDriver][] = [['in-process', () => new InProcessQueueDriver(logger)]];
if (process.env.REDIS_URL) {
  drivers.push(['bullmq', () => new BullMqDriver(process.env.REDIS_URL!, `test-${randomBytes(4).toString('hex')}`, logger)]);
}

async function eventually(check: () => boolean, timeoutMs = 8_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Both drivers behind the one port: same delivery, retry and de-duplication semantics. */
describe.each(drivers)('message queue driver: %s', (_name, make) => {
  let driver: MessageQueueDriver;
  afterEach(() => driver?.close());

  it('delivers jobs to the registered handler', async () => {
    driver = make();
    const seen: QueueJob[] = [];
    driver.work(QueueName.Schedule, async (job) => void seen.push(job), 2);
    await driver.add(QueueName.Schedule, 'record', { n: 1 });
    await driver.add(QueueName.Schedule, 'record', { n: 2 });
    await eventually(() => seen.length === 2);
    expect(seen.map((j) => (j.data as { n: number }).n).sort()).toEqual([1, 2]);
    expect(seen.every((j) => j.name === 'record' && j.attempt === 1)).toBe(true);
  });

  it('retries a failing job with backoff until it succeeds', async () => {
    driver = make();
    const attempts: number[] = [];
    driver.work(QueueName.Schedule, async (job) => {
      attempts.push(job.attempt);
      if (job.attempt < 3) throw new Error('transient');
    }, 1);
    await driver.add(QueueName.Schedule, 'flaky', {}, { attempts: 5, backoffMs: 20 });
    await eventually(() => attempts.length === 3);
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('adds a job id only once while it is pending', async () => {
    driver = make();
    let runs = 0;
    await driver.add(QueueName.Schedule, 'once', {}, { jobId: 'same-id' });
    await driver.add(QueueName.Schedule, 'once', {}, { jobId: 'same-id' });
    expect(await driver.depth(QueueName.Schedule)).toBe(1);
    driver.work(QueueName.Schedule, async () => void runs++, 1);
    await eventually(() => runs === 1);
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(1);
  });

  it('reports itself healthy', async () => {
    driver = make();
    expect(await driver.healthy()).toBe(true);
  });
});
