import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateNotificationChannel, createNotificationChannelSchema, type NotificationChannelView, type NotificationDeliveryView,
  type NotificationTestResult, type UpdateNotificationChannel, updateNotificationChannelSchema,
} from '@ai-router/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { parseListQuery } from './list-query';
import { NotificationChannelsService } from './notification-channels.service';
import { NotificationDeliveriesService } from './notification-deliveries.service';

/** Channels (secrets write-only) and their delivery log; members read, `org:manage` changes. */
@ApiTags('notifications')
@Controller('api/orgs/:orgId')
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService, private readonly deliveries: NotificationDeliveriesService) {}

  @Get('notification-channels')
  @Authenticated({ permission: 'org:read' })
  list(@Param('orgId') orgId: string): Promise<NotificationChannelView[]> {
    return this.channels.list(orgId);
  }

  @Get('notification-channels/:id')
  @Authenticated({ permission: 'org:read' })
  get(@Param('orgId') orgId: string, @Param('id') id: string): Promise<NotificationChannelView> {
    return this.channels.get(orgId, id);
  }

  @Post('notification-channels')
  @Authenticated({ permission: 'org:manage' })
  create(@Param('orgId') orgId: string, @ZodBody(createNotificationChannelSchema) body: CreateNotificationChannel): Promise<NotificationChannelView> {
    return this.channels.create(orgId, body);
  }

  @Patch('notification-channels/:id')
  @Authenticated({ permission: 'org:manage' })
  update(
    @Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(updateNotificationChannelSchema) body: UpdateNotificationChannel,
  ): Promise<NotificationChannelView> {
    return this.channels.update(orgId, id, body);
  }

  @Delete('notification-channels/:id')
  @HttpCode(204)
  @Authenticated({ permission: 'org:manage' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.channels.remove(orgId, id);
  }

  @Post('notification-channels/:id/test')
  @HttpCode(202)
  @Authenticated({ permission: 'org:manage' })
  test(@Param('orgId') orgId: string, @Param('id') id: string): Promise<NotificationTestResult> {
    return this.channels.sendTest(orgId, id);
  }

  @Get('notification-deliveries')
  @Authenticated({ permission: 'org:read' })
  listDeliveries(
    @Param('orgId') orgId: string, @Query('channelId') channelId?: string, @Query('status') status?: string,
    @Query('limit') limit?: string, @Query('before') before?: string,
  ): Promise<NotificationDeliveryView[]> {
    return this.deliveries.list(orgId, { channelId, status, ...parseListQuery(limit, before) });
  }
}
