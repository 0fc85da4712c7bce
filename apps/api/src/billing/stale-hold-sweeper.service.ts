import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { BalanceLeasesService } from './balance-leases.service';
import { BillingService } from './billing.service';

const SWEEP_EVERY_MS = 5 * 60_000;
const MIN_AGE_MS = 60 * 60_000;

/**
 * Frees balance leases whose instance stopped renewing them (it died) and per-request holds from before
 * leases that were never settled, so balances do not stay locked.
 */
@Injectable()
export class StaleHoldSweeperService implements OnApplicationBootstrap {
  constructor(
    private readonly billing: BillingService,
    private readonly leases: BalanceLeasesService,
    private readonly queue: MessageQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Well past the longest a request may run, so only orphans are swept.
    const olderThanMs = Math.max(MIN_AGE_MS, 2 * this.config.UPSTREAM_TIMEOUT_MS);
    const registered = this.queue.process(QueueName.Billing, async () => {
      const released = await this.billing.releaseStaleHolds(olderThanMs);
      const leases = await this.leases.releaseStaleLeases();
      if (released || leases) this.logger.warn({ released, leases }, 'released stale billing holds and leases');
    }, 1);
    if (registered) await this.queue.schedule(QueueName.Billing, 'sweep-stale-holds', SWEEP_EVERY_MS);
  }
}
