import { Controller, Get, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import { MessageQueueService } from '../queue/message-queue.service';
import { REDIS } from '../redis/redis.module';
import { UsageRecorderService } from '../usage/usage-recorder.service';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: MessageQueueService,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly usage: UsageRecorderService,
  ) {}

  /** Liveness: the process answers; deliberately touches nothing else. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: every dependency this instance needs to serve. When one is down the answer is 503 with
   * the same per-dependency details (the app's error filter would otherwise replace them).
   */
  @Get('ready')
  @HealthCheck()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    return this.checkReady().catch((err: unknown) => {
      if (!(err instanceof ServiceUnavailableException)) throw err;
      void reply.status(503);
      return err.getResponse();
    });
  }

  private checkReady() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2_000 }),
      async () => {
        const queue = this.indicator.check('queue');
        return (await this.queue.healthy()) ? queue.up({ driver: this.queue.driverName }) : queue.down({ driver: this.queue.driverName });
      },
      () => {
        // Degraded (writes failing, records buffered) still serves; full refuses /v1, so it is down.
        const status = this.usage.status();
        const usage = this.indicator.check('usageWriter');
        return status.state === 'full' ? usage.down({ ...status }) : usage.up({ ...status });
      },
      ...(this.redis ? [async () => {
        const redis = this.indicator.check('redis');
        const pong = await this.redis!.ping().catch(() => null);
        return pong === 'PONG' ? redis.up() : redis.down();
      }] : []),
    ]);
  }
}
