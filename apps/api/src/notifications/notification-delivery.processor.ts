import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { SecretBox } from '../crypto/secret-box';
import { type QueueJob, QueueName } from '../queue/message-queue.port';
import { MessageQueueService } from '../queue/message-queue.service';
import { type ChannelSecrets, openChannelSecrets } from './channel-secrets';
import { DeliveryError, safeErrorMessage, scrubSecrets } from './delivery-error';
import { NotificationChannel } from './notification-channel.entity';
import { NotificationDelivery } from './notification-delivery.entity';
import type { DeliveryJob } from './notification-event';
import { ChannelSenders } from './senders/channel-senders';

/**
 * Runs delivery jobs where queue workers run. Each attempt is written to the delivery row before
 * and after; a failed attempt rethrows (with a scrubbed message) so the queue retries with backoff,
 * and the last one marks the delivery failed.
 */
@Injectable()
export class NotificationDeliveryProcessor implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: MessageQueueService,
    private readonly secretBox: SecretBox,
    private readonly senders: ChannelSenders,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queue.process(QueueName.Notifications, (job) => this.attempt(job as QueueJob<DeliveryJob>), 4);
  }

  async attempt(job: QueueJob<DeliveryJob>): Promise<void> {
    const { deliveryId, channelId, orgId, attempts, event } = job.data;
    const deliveries = this.db.getRepository(NotificationDelivery);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    // Gone with its channel, or already settled (a job run twice, e.g. BullMQ after a stalled worker).
    if (!delivery || delivery.status !== 'pending') return;
    const channel = await this.db.getRepository(NotificationChannel).createQueryBuilder('c')
      .addSelect('c.secretCiphertext')
      .where('c.id = :channelId', { channelId })
      .getOne();
    if (!channel) return;

    await deliveries.createQueryBuilder().update()
      .set({ attempts: () => 'attempts + 1', lastAttemptAt: new Date() })
      .where('id = :deliveryId', { deliveryId })
      .execute();
    let secrets: ChannelSecrets = {};
    try {
      secrets = openChannelSecrets(this.secretBox, channel);
      await this.senders.for(channel.kind).send({ ...channel, secrets }, { deliveryId, orgId, event });
    } catch (err) {
      const message = safeErrorMessage(err, secrets);
      const final = job.attempt >= attempts;
      await deliveries.update({ id: deliveryId }, { status: final ? 'failed' : 'pending', lastError: message });
      // An unexpected error is logged (scrubbed) for operators; the delivery log keeps the generic line.
      const detail = err instanceof DeliveryError ? undefined : scrubSecrets(String((err as Error)?.message ?? err), secrets);
      this.logger.warn({ deliveryId, channelId, kind: channel.kind, attempt: job.attempt, final, err: message, detail }, 'notification delivery attempt failed');
      throw new DeliveryError(message);
    }
    await deliveries.update({ id: deliveryId }, { status: 'delivered', deliveredAt: new Date(), lastError: null });
  }
}
