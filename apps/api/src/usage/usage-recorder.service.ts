import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import { Cancellation } from '../common/cancellation';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { backoffDelayMs, sleep } from '../gateway/retry-backoff';
import { GatewayMetricsService } from '../metrics/gateway-metrics.service';
import { UsageWriterMetricsService } from '../metrics/usage-writer-metrics.service';
import { REDIS } from '../redis/redis.module';
import { MemoryUsageBuffer, type UsageBuffer } from './usage-buffer';
import { UsageBatchStore } from './usage-batch.store';
import type { UsageRecord } from './usage-record';
import { RedisUsageBuffer } from './redis-usage-buffer';

const BATCH_MAX = 500;
const FLUSH_EVERY_MS = 50;
const SHUTDOWN_DRAIN_MS = 10_000;
const RETRY_AFTER_SECONDS = 5;
/** Consecutive failures of one batch, with the database reachable, before its records are tried one by one. */
const ISOLATE_AFTER_FAILURES = 3;

export interface UsageWriterState {
  /** `degraded` while batch writes fail (records stay buffered); `full` while new requests are refused. */
  state: 'ok' | 'degraded' | 'full';
  backlog: number;
  failingSince: string | null;
}

/**
 * Records usage without a database round trip or queue job per request: `record` appends to a buffer
 * (a Redis list shared by all instances, or memory without Redis), and a flusher writes batches of up
 * to 500 records, one transaction each (rows, rollups, settlement). A failing write is retried with
 * capped backoff while records stay buffered; when the buffer reaches USAGE_BUFFER_MAX, `admit`
 * refuses new /v1 requests with 503 rather than ever dropping a record. Every instance flushes.
 */
@Injectable()
export class UsageRecorderService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly buffer: UsageBuffer;
  private readonly stopping = new Cancellation();
  private loop: Promise<void> | null = null;
  private failures = 0;
  private failingSince: Date | null = null;

  constructor(
    private readonly store: UsageBatchStore,
    private readonly metrics: GatewayMetricsService,
    private readonly writerMetrics: UsageWriterMetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) redis: Redis | null,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.buffer = redis ? new RedisUsageBuffer(redis, config.REDIS_PREFIX) : new MemoryUsageBuffer();
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  /** Throws 503 (OpenAI envelope, Retry-After) while the usage backlog is full; called before a /v1 request starts. */
  admit(): void {
    if (this.buffer.backlog() < this.config.USAGE_BUFFER_MAX) return;
    this.metrics.refused(AppErrorCode.Overloaded);
    throw new AppException(AppErrorCode.Overloaded, 'The gateway cannot record usage right now and is not accepting new requests. Retry shortly.', {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  }

  /** Buffers the record and returns at once; requests admitted before the buffer filled are still recorded. */
  record(record: UsageRecord): void {
    this.metrics.observe(record.operation, record.model, record.status, record.latencyMs, record.ttftMs, record.usage);
    this.buffer.push(record);
  }

  status(): UsageWriterState {
    const backlog = this.buffer.backlog();
    return {
      state: backlog >= this.config.USAGE_BUFFER_MAX ? 'full' : this.failingSince ? 'degraded' : 'ok',
      backlog, failingSince: this.failingSince?.toISOString() ?? null,
    };
  }

  /** Stops the flusher and writes what this process holds, before the HTTP server closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.drain(SHUTDOWN_DRAIN_MS);
  }

  /**
   * Requests that were in flight while the HTTP server closed recorded after the first drain; this
   * module shuts down before the database and Redis ones (Nest closes dependents first), so write them too.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.drain(SHUTDOWN_DRAIN_MS);
    if (this.buffer.held() > 0) this.logger.error({ records: this.buffer.held() }, 'usage records not written at shutdown');
    await this.buffer.close();
  }

  private async drain(withinMs: number): Promise<void> {
    const deadline = Date.now() + withinMs;
    while (this.buffer.held() > 0 && Date.now() < deadline) {
      if (!(await this.flushOnce())) await delay(Math.min(backoffDelayMs(this.failures), Math.max(0, deadline - Date.now())));
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping.aborted) {
      const wrote = await this.flushOnce();
      // A full batch means more is waiting: go again at once. Otherwise wait for records, or back off.
      if (wrote === BATCH_MAX) continue;
      await sleep(wrote === false ? backoffDelayMs(this.failures) : FLUSH_EVERY_MS, this.stopping);
    }
  }

  /** Writes one batch; returns its size, or false when the write failed (the batch stays buffered). */
  private async flushOnce(): Promise<number | false> {
    const started = performance.now();
    let batch: UsageRecord[] = [];
    try {
      batch = await this.buffer.take(BATCH_MAX);
      if (batch.length) {
        const inserted = await this.store.write(batch);
        await this.buffer.ack();
        this.writerMetrics.flushed((performance.now() - started) / 1000, inserted);
      }
      this.recovered();
      return batch.length;
    } catch (err) {
      this.failures++;
      this.writerMetrics.failed();
      if (!this.failingSince) {
        this.failingSince = new Date();
        this.logger.error({ err: (err as Error).message, backlog: this.buffer.backlog() }, 'usage writes failing; records stay buffered and are retried');
      }
      if (batch.length && this.failures >= ISOLATE_AFTER_FAILURES && (await this.isolate(batch).catch(() => false))) {
        this.recovered();
        return batch.length;
      }
      return false;
    } finally {
      this.writerMetrics.backlog(this.buffer.backlog());
    }
  }

  private recovered(): void {
    if (this.failingSince) this.logger.info({ failedAttempts: this.failures }, 'usage writes recovered');
    this.failures = 0;
    this.failingSince = null;
  }

  /**
   * A batch that keeps failing while the database answers holds a record the database refuses (say,
   * a token count beyond its column): without this one record would stop all usage writing. Writes
   * the records one by one; each refused while the database stays reachable is set aside in
   * usage_dead_letters (a record holds no secrets or bodies) to be corrected and replayed, logged and
   * counted, and the batch leaves the buffer. Returns false, keeping the batch, as soon as the
   * database is unreachable or cannot take the dead letter either.
   */
  private async isolate(batch: UsageRecord[]): Promise<boolean> {
    if (!(await this.store.reachable())) return false;
    for (const record of batch) {
      try {
        await this.store.write([record]);
      } catch (err) {
        if (!(await this.store.reachable())) return false;
        const refusal = (err as Error).message;
        await this.store.setAside(record, refusal);
        this.writerMetrics.rejected();
        this.logger.error({ reqId: record.requestId, err: refusal }, 'usage record refused by the database; set aside in usage_dead_letters');
      }
    }
    await this.buffer.ack();
    return true;
  }
}
