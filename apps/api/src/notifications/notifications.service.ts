import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { NotificationChannel } from './notification-channel.entity';
import { type DeliveredEvent, type DeliveryJob, type NotificationEvent, normaliseEvent } from './notification-event';
import { NotificationRetryPolicy } from './notification-retry.policy';

export const DELIVER_JOB = 'deliver';

interface OpenDelivery {
  id: string;
  channelId: string;
  /** False when an earlier notify already queued it (or it is under way, or done). */
  needsJob: boolean;
}

/**
 * The one way the app tells an org something: an in-app notification plus one queued delivery per
 * enabled channel that wants the event. Idempotent by event id: the delivery row is unique per
 * (channel, event), so notifying twice delivers once, whichever queue driver runs and however long
 * ago the first job finished.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: MessageQueueService,
    private readonly retry: NotificationRetryPolicy,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * `channelIds` narrows delivery to those channels (enabled ones, whatever their event filter): an
   * alert rule that names its channels. The inbox row is written either way.
   */
  async notify(orgId: string, event: NotificationEvent, options: { channelIds?: string[] } = {}): Promise<void> {
    const delivered = normaliseEvent(event);
    const deliveries = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO notifications (id, org_id, event_id, type, title, body, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (org_id, event_id) DO NOTHING`,
        [randomUUID(), orgId, delivered.id, delivered.type, delivered.title, delivered.body, JSON.stringify(delivered.data)],
      );
      const channels = await tx.getRepository(NotificationChannel).createQueryBuilder('c')
        .select('c.id')
        .where('c.org_id = :orgId AND c.enabled', { orgId })
        .andWhere(options.channelIds?.length
          ? 'c.id = ANY(:channelIds)'
          : '(cardinality(c.events) = 0 OR :type = ANY(c.events))', { type: delivered.type, channelIds: options.channelIds })
        .getMany();
      return this.openDeliveries(tx, channels.map((c) => c.id), delivered);
    });
    await this.enqueue(orgId, deliveries, delivered);
  }

  /**
   * Delivers to one channel only, whatever its filter or enabled flag, and writes no inbox row: the
   * console's "send test" button. Returns the delivery's id for the log.
   */
  async notifyChannel(orgId: string, channelId: string, event: NotificationEvent): Promise<string> {
    const delivered = normaliseEvent(event);
    const [delivery] = await this.db.transaction((tx) => this.openDeliveries(tx, [channelId], delivered));
    await this.enqueue(orgId, [delivery!], delivered);
    return delivery!.id;
  }

  /**
   * Inserts the delivery rows, or finds them when the event was notified before. A row still
   * pending with no attempt gets its job (again): if the first enqueue was lost, this recovers it,
   * and if the job is still queued the queue drops the duplicate by job id.
   */
  private async openDeliveries(tx: EntityManager, channelIds: string[], event: DeliveredEvent): Promise<OpenDelivery[]> {
    const out: OpenDelivery[] = [];
    for (const channelId of channelIds) {
      const [row] = (await tx.query(
        `INSERT INTO notification_deliveries (id, channel_id, event_id, event_type) VALUES ($1, $2, $3, $4)
         ON CONFLICT (channel_id, event_id) DO UPDATE SET event_id = EXCLUDED.event_id
         RETURNING id, status, attempts`,
        [randomUUID(), channelId, event.id, event.type],
      )) as { id: string; status: string; attempts: number }[];
      out.push({ id: row!.id, channelId, needsJob: row!.status === 'pending' && row!.attempts === 0 });
    }
    return out;
  }

  /**
   * The delivery id is the job id: it stands for (channel, event) one to one, and unlike
   * `${channelId}:${eventId}` it is a valid BullMQ custom id (BullMQ refuses ids containing ":").
   */
  private async enqueue(orgId: string, deliveries: OpenDelivery[], event: DeliveredEvent): Promise<void> {
    const { attempts, backoffMs } = this.retry;
    const results = await Promise.allSettled(deliveries.filter((d) => d.needsJob).map((d) => {
      const job: DeliveryJob = { deliveryId: d.id, channelId: d.channelId, orgId, attempts, event };
      return this.queue.add(QueueName.Notifications, DELIVER_JOB, job, { jobId: d.id, attempts, backoffMs });
    }));
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length) {
      // The rows stay pending with no attempt; notifying the same event again queues them.
      this.logger.error({ orgId, eventId: event.id, failed: failed.length, err: (failed[0]!.reason as Error).message }, 'notification deliveries could not be queued');
      throw failed[0]!.reason;
    }
  }
}
