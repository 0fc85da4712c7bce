import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import {
  type CreateNotificationChannel, type NotificationChannelKind, notificationChannelConfigSchemas, notificationChannelSecretsSchemas,
  type NotificationChannelView, type NotificationTestResult, type UpdateNotificationChannel,
} from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { definedFields } from '../common/defined-fields';
import { parseFor } from '../common/parse-for';
import { isUuid } from '../common/ids';
import { SecretBox } from '../crypto/secret-box';
import { PrivateHostsService } from '../security/private-hosts.service';
import { type ChannelSecrets, openChannelSecrets, sealChannelSecrets } from './channel-secrets';
import { NotificationChannel } from './notification-channel.entity';
import { NotificationsService } from './notifications.service';

/**
 * Admin management of an org's channels. Every query is scoped by org; secrets are write-only
 * (views name which are set, never their values); every destination passes the SSRF guard on save.
 */
@Injectable()
export class NotificationChannelsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secretBox: SecretBox,
    private readonly privateHosts: PrivateHostsService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(orgId: string): Promise<NotificationChannelView[]> {
    const channels = await this.withSecrets().where('c.org_id = :orgId', { orgId }).orderBy('c.created_at', 'ASC').getMany();
    return channels.map((c) => this.toView(c));
  }

  async get(orgId: string, id: string): Promise<NotificationChannelView> {
    return this.toView(await this.find(orgId, id));
  }

  async create(orgId: string, input: CreateNotificationChannel): Promise<NotificationChannelView> {
    const config = (input.config ?? {}) as Record<string, unknown>;
    const secrets = (input.secrets ?? {}) as ChannelSecrets;
    await this.assertDestinationsPermitted(input.kind, config, secrets);
    await this.assertNameFree(orgId, input.name);
    const id = randomUUID();
    // save(), not insert(): TypeORM's insert typing rejects a free-form jsonb object.
    await this.repo().save({
      id, orgId, kind: input.kind, name: input.name, config, events: [...new Set(input.events)], enabled: input.enabled,
      ...sealChannelSecrets(this.secretBox, id, secrets),
    });
    return this.get(orgId, id);
  }

  async update(orgId: string, id: string, input: UpdateNotificationChannel): Promise<NotificationChannelView> {
    const channel = await this.find(orgId, id);
    const config = input.config ? parseFor(notificationChannelConfigSchemas[channel.kind], input.config, 'config') : channel.config;
    const secrets = input.secrets
      ? parseFor(notificationChannelSecretsSchemas[channel.kind], mergeSecrets(openChannelSecrets(this.secretBox, channel), input.secrets), 'secrets')
      : null;
    if (input.config || input.secrets) await this.assertDestinationsPermitted(channel.kind, config, secrets ?? openChannelSecrets(this.secretBox, channel));
    if (input.name && input.name !== channel.name) await this.assertNameFree(orgId, input.name);
    await this.repo().save({
      id,
      ...definedFields({ name: input.name, enabled: input.enabled }),
      ...(input.events && { events: [...new Set(input.events)] }),
      ...(input.config && { config }),
      ...(secrets && sealChannelSecrets(this.secretBox, id, secrets)),
    });
    return this.get(orgId, id);
  }

  async remove(orgId: string, id: string): Promise<void> {
    const result = isUuid(id) ? await this.repo().delete({ id, orgId }) : null;
    if (!result?.affected) throw AppException.notFound('notification channel');
  }

  /** The "send test" button: a `test` event to this channel only, even when disabled or filtered. */
  async sendTest(orgId: string, id: string): Promise<NotificationTestResult> {
    const channel = await this.find(orgId, id);
    const eventId = `test.${randomUUID()}`;
    const deliveryId = await this.notifications.notifyChannel(orgId, id, {
      id: eventId, type: 'test', title: 'Test notification',
      body: `This is a test of the "${channel.name}" channel from AI Router. If you can read it, delivery works.`,
      data: { channelId: id },
    });
    return { eventId, deliveryId };
  }

  /** Every URL or host a delivery would connect to, checked as provider base URLs are. */
  private async assertDestinationsPermitted(kind: NotificationChannelKind, config: Record<string, unknown>, secrets: ChannelSecrets): Promise<void> {
    if (kind === 'email') {
      const host = String(config.host).replace(/^\[|\]$/g, '');
      await this.privateHosts.assertPermitted(`smtp://${host.includes(':') ? `[${host}]` : host}`, 'config.host');
    }
    if (kind === 'webhook') await this.privateHosts.assertPermitted(String(config.url), 'config.url');
    if (secrets.webhookUrl) await this.privateHosts.assertPermitted(secrets.webhookUrl, 'secrets.webhookUrl');
  }

  private async assertNameFree(orgId: string, name: string): Promise<void> {
    if (await this.repo().existsBy({ orgId, name })) {
      throw new AppException(AppErrorCode.Conflict, `a notification channel named "${name}" already exists`, { param: 'name' });
    }
  }

  private async find(orgId: string, id: string): Promise<NotificationChannel> {
    const channel = isUuid(id) ? await this.withSecrets().where('c.id = :id AND c.org_id = :orgId', { id, orgId }).getOne() : null;
    if (!channel) throw AppException.notFound('notification channel');
    return channel;
  }

  private toView(c: NotificationChannel): NotificationChannelView {
    return {
      id: c.id, kind: c.kind, name: c.name, config: c.config ?? {}, events: c.events ?? [], enabled: c.enabled,
      secretFields: Object.keys(openChannelSecrets(this.secretBox, c)).sort(), createdAt: c.createdAt.toISOString(),
    };
  }

  private withSecrets() {
    return this.repo().createQueryBuilder('c').addSelect('c.secretCiphertext');
  }

  private repo(): Repository<NotificationChannel> {
    return this.db.getRepository(NotificationChannel);
  }
}

/** Given fields replace, `null` clears, absent fields stay. */
function mergeSecrets(current: ChannelSecrets, patch: Record<string, string | null>): ChannelSecrets {
  const merged: Record<string, string | null> = { ...current, ...patch };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

