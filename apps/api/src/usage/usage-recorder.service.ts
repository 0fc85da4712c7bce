import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { BalanceWatchService } from '../billing/balance-watch.service';
import { BillingService } from '../billing/billing.service';
import { CouponCapService } from '../billing/coupon-cap.service';
import { LOGGER } from '../common/logger.module';
import { GatewayMetricsService } from '../metrics/gateway-metrics.service';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { UsageLog } from './usage-log.entity';
import type { UsageRecord } from './usage-record';

const RECORD_JOB = 'record';

/**
 * Records usage off the request path through the queue; the request id is both the job id and the
 * row key, so a job delivered twice writes one row.
 */
@Injectable()
export class UsageRecorderService implements OnModuleInit {
  constructor(
    private readonly queue: MessageQueueService,
    @InjectDataSource() private readonly db: DataSource,
    private readonly billing: BillingService,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: GatewayMetricsService,
    private readonly couponCap: CouponCapService,
    private readonly balanceWatch: BalanceWatchService,
  ) {}

  onModuleInit(): void {
    this.queue.process(QueueName.Usage, (job) => this.write(job.data as UsageRecord), 8);
  }

  record(record: UsageRecord): void {
    this.metrics.observe(record.operation, record.model, record.status, record.latencyMs, record.ttftMs, record.usage);
    this.queue.add(QueueName.Usage, RECORD_JOB, record, { jobId: record.requestId }).catch(async (err: Error) => {
      // Queue unavailable: write directly rather than lose the record.
      this.logger.warn({ reqId: record.requestId, err: err.message }, 'usage queue unavailable, writing directly');
      await this.write(record).catch((e: Error) => this.logger.error({ reqId: record.requestId, err: e.message }, 'usage record lost'));
    });
  }

  /**
   * Writes the usage row, then settles the request's hold. Each step is keyed by the request id and
   * does nothing the second time, so a job delivered twice, or retried after failing between the two
   * steps, ends with one row and one charge.
   */
  async write(record: UsageRecord): Promise<void> {
    const { cost, discount } = await this.couponCap.chargeOf(record);
    await this.insertRow(record, cost, discount);
    if (!record.billing) return;
    await this.billing.settle(record.orgId, record.requestId, cost);
    // Idempotent too: a crossing is noticed once, whether this runs once or on a retry.
    if (cost > 0n) await this.balanceWatch.afterCharges([record.orgId]);
  }

  private async insertRow(record: UsageRecord, cost: bigint, discount: bigint): Promise<void> {
    const u = record.usage;
    await this.db.getRepository(UsageLog)
      .createQueryBuilder()
      .insert()
      .values({
        requestId: record.requestId, orgId: record.orgId, apiKeyId: record.apiKeyId, userId: record.userId, model: record.model,
        deploymentId: record.deploymentId, providerAccountId: record.providerAccountId, operation: record.operation,
        status: record.status, inputTokens: u?.inputTokens ?? 0, outputTokens: u?.outputTokens ?? 0,
        cachedInputTokens: u?.cachedInputTokens ?? 0, cacheWriteTokens: u?.cacheWriteTokens ?? 0,
        reasoningTokens: u?.reasoningTokens ?? 0, images: u?.images ?? 0, latencyMs: record.latencyMs, ttftMs: record.ttftMs,
        streamed: record.streamed, errorCode: record.errorCode, routing: record.routing, costNano: cost.toString(),
        discountNano: discount.toString(),
      })
      .orIgnore()
      .execute();
  }
}
