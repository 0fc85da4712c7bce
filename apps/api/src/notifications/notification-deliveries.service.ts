import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_DELIVERY_STATUSES, type NotificationDeliveryStatus, type NotificationDeliveryView } from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import type { ListQuery } from './list-query';
import { NotificationChannel } from './notification-channel.entity';
import { NotificationDelivery } from './notification-delivery.entity';

export interface DeliveryFilter extends ListQuery {
  channelId?: string;
  status?: string;
}

/** The delivery log of an org's channels, newest first. */
@Injectable()
export class NotificationDeliveriesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(orgId: string, filter: DeliveryFilter): Promise<NotificationDeliveryView[]> {
    if (filter.status !== undefined && !NOTIFICATION_DELIVERY_STATUSES.includes(filter.status as NotificationDeliveryStatus)) {
      throw new AppException(AppErrorCode.ValidationFailed, `status must be one of ${NOTIFICATION_DELIVERY_STATUSES.join(', ')}`, { param: 'status' });
    }
    if (filter.channelId !== undefined && !isUuid(filter.channelId)) return [];
    const query = this.db.getRepository(NotificationDelivery).createQueryBuilder('d')
      .innerJoin(NotificationChannel, 'c', 'c.id = d.channel_id')
      .where('c.org_id = :orgId', { orgId });
    if (filter.channelId) query.andWhere('d.channel_id = :channelId', { channelId: filter.channelId });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.before) query.andWhere('d.created_at < :before', { before: filter.before });
    const rows = await query.orderBy('d.createdAt', 'DESC').addOrderBy('d.id', 'DESC').limit(filter.limit).getMany();
    return rows.map((d) => ({
      id: d.id, channelId: d.channelId, eventId: d.eventId, eventType: d.eventType, status: d.status, attempts: d.attempts,
      lastError: d.lastError, lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null, deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    }));
  }
}
