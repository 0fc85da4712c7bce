import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, LessThan, type DataSource, type Repository } from 'typeorm';
import type { NotificationInboxView, NotificationView } from '@ai-router/contracts';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import type { ListQuery } from './list-query';
import { Notification } from './notification.entity';

/** The org's in-app notifications (the console's bell). */
@Injectable()
export class NotificationInboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(orgId: string, query: ListQuery & { unreadOnly: boolean }): Promise<NotificationInboxView> {
    const [items, unreadCount] = await Promise.all([
      this.repo().find({
        where: { orgId, ...(query.unreadOnly && { readAt: IsNull() }), ...(query.before && { createdAt: LessThan(query.before) }) },
        order: { createdAt: 'DESC', id: 'DESC' },
        take: query.limit,
      }),
      this.repo().countBy({ orgId, readAt: IsNull() }),
    ]);
    return { items: items.map(toView), unreadCount };
  }

  /** Idempotent: reading twice keeps the first read time. */
  async markRead(orgId: string, id: string): Promise<NotificationView> {
    const notification = isUuid(id) ? await this.repo().findOneBy({ id, orgId }) : null;
    if (!notification) throw AppException.notFound('notification');
    if (!notification.readAt) {
      notification.readAt = new Date();
      await this.repo().update({ id, orgId, readAt: IsNull() }, { readAt: notification.readAt });
    }
    return toView(notification);
  }

  async markAllRead(orgId: string): Promise<{ updated: number }> {
    const result = await this.repo().update({ orgId, readAt: IsNull() }, { readAt: new Date() });
    return { updated: result.affected ?? 0 };
  }

  private repo(): Repository<Notification> {
    return this.db.getRepository(Notification);
  }
}

function toView(n: Notification): NotificationView {
  return {
    id: n.id, eventId: n.eventId, type: n.type, title: n.title, body: n.body, data: n.data ?? {},
    readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
  };
}
