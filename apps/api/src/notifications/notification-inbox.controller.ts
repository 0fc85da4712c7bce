import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NotificationInboxView, NotificationView } from '@ai-router/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { parseListQuery } from './list-query';
import { NotificationInboxService } from './notification-inbox.service';

/** In-app notifications: every member of the org sees them and may mark them read (read state is per org). */
@ApiTags('notifications')
@Controller('api/orgs/:orgId/notifications')
export class NotificationInboxController {
  constructor(private readonly inbox: NotificationInboxService) {}

  @Get()
  @Authenticated({ permission: 'org:read' })
  list(
    @Param('orgId') orgId: string, @Query('unread') unread?: string, @Query('limit') limit?: string, @Query('before') before?: string,
  ): Promise<NotificationInboxView> {
    return this.inbox.list(orgId, { unreadOnly: unread === 'true', ...parseListQuery(limit, before) });
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated({ permission: 'org:read' })
  markAllRead(@Param('orgId') orgId: string): Promise<{ updated: number }> {
    return this.inbox.markAllRead(orgId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated({ permission: 'org:read' })
  markRead(@Param('orgId') orgId: string, @Param('id') id: string): Promise<NotificationView> {
    return this.inbox.markRead(orgId, id);
  }
}
