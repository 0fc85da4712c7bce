import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { MessageQueueService } from '../queue/message-queue.service';
import { REDIS } from '../redis/redis.module';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: MessageQueueService,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Liveness: the process answers; deliberately touches nothing else. */
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: every dependency this instance needs to serve. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 2_000 }),
      async () => {
        const queue = this.indicator.check('queue');
        return (await this.queue.healthy()) ? queue.up({ driver: this.queue.driverName }) : queue.down({ driver: this.queue.driverName });
      },
      ...(this.redis ? [async () => {
        const redis = this.indicator.check('redis');
        const pong = await this.redis!.ping().catch(() => null);
        return pong === 'PONG' ? redis.up() : redis.down();
      }] : []),
    ]);
  }
}
