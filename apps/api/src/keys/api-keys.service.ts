import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ApiKeyView, CreateApiKey, CreatedApiKey, UpdateApiKey } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { can } from '../auth/permissions';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { definedFields } from '../common/defined-fields';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { API_KEY_PREFIX, displayApiKey, generateApiKeySecret, hashApiKey } from './api-key-secret';
import { ApiKey, type ApiKeyStatus } from './api-key.entity';

/**
 * The client keys that call /v1. Developers manage their own keys; `apiKeys:manage` (admins) reaches
 * every key of the org. Other people's keys are invisible, so acting on one answers 404.
 */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>, private readonly events: ClusterEventsService) {}

  async create(actor: OrgActor, input: CreateApiKey): Promise<CreatedApiKey> {
    const secret = generateApiKeySecret();
    const key = this.keys.create({
      id: randomUUID(), orgId: actor.orgId, userId: actor.id, name: input.name, status: 'active', limits: {},
      allowedModels: null, allowedProviders: null, ipAllowlist: null, expiresAt: null,
      ...secretFields(secret), ...rules(input), createdAt: new Date(), lastRotatedAt: null,
    });
    await this.keys.insert(key);
    return { ...toView(key), secret };
  }

  async list(actor: OrgActor): Promise<ApiKeyView[]> {
    const where = can(actor.role, 'apiKeys:manage') ? { orgId: actor.orgId } : { orgId: actor.orgId, userId: actor.id };
    return (await this.keys.find({ where, order: { createdAt: 'DESC' } })).map(toView);
  }

  async get(actor: OrgActor, id: string): Promise<ApiKeyView> {
    return toView(await this.find(actor, id));
  }

  async update(actor: OrgActor, id: string, input: UpdateApiKey): Promise<ApiKeyView> {
    const key = await this.find(actor, id);
    assertNotRevoked(key);
    await this.keys.update({ id: key.id }, { ...definedFields({ name: input.name }), ...rules(input) });
    await this.changed(key);
    return this.get(actor, id);
  }

  async setStatus(actor: OrgActor, id: string, status: Exclude<ApiKeyStatus, 'expired'>): Promise<ApiKeyView> {
    const key = await this.find(actor, id);
    if (status !== 'revoked') assertNotRevoked(key);
    await this.keys.update({ id: key.id }, { status });
    await this.changed(key);
    return toView({ ...key, status });
  }

  /** A new secret for the same key and settings; the old secret stops working at once. */
  async rotate(actor: OrgActor, id: string): Promise<CreatedApiKey> {
    const key = await this.find(actor, id);
    assertNotRevoked(key);
    const secret = generateApiKeySecret();
    const rotatedAt = new Date();
    await this.keys.update({ id: key.id }, { ...secretFields(secret), lastRotatedAt: rotatedAt });
    await this.changed(key);
    return { ...toView({ ...key, ...secretFields(secret), lastRotatedAt: rotatedAt }), secret };
  }

  private async find(actor: OrgActor, id: string): Promise<ApiKey> {
    const key = isUuid(id)
      ? await this.keys.createQueryBuilder('k').addSelect('k.keyHash').where({ id, orgId: actor.orgId }).getOne()
      : null;
    if (!key || (key.userId !== actor.id && !can(actor.role, 'apiKeys:manage'))) throw AppException.notFound('api key');
    return key;
  }

  /** Every instance drops the key from its auth cache, so the change holds everywhere within a second. */
  private changed(key: ApiKey): Promise<void> {
    return this.events.publish({ type: 'api-key.changed', keyHash: key.keyHash });
  }
}

function secretFields(secret: string) {
  return { keyHash: hashApiKey(secret), prefix: secret.slice(0, API_KEY_PREFIX.length + 4), last4: secret.slice(-4) };
}

function rules(input: UpdateApiKey) {
  return definedFields({
    allowedModels: input.allowedModels,
    allowedProviders: input.allowedProviders,
    ipAllowlist: input.ipAllowlist,
    expiresAt: input.expiresAt === undefined ? undefined : input.expiresAt ? new Date(input.expiresAt) : null,
    limits: input.limits,
  });
}

function assertNotRevoked(key: ApiKey): void {
  if (key.status === 'revoked') throw new AppException(AppErrorCode.Conflict, 'this key is revoked; create a new one');
}

function toView(k: ApiKey): ApiKeyView {
  const expired = k.expiresAt !== null && k.expiresAt.getTime() <= Date.now();
  return {
    id: k.id, name: k.name, display: displayApiKey(k.prefix, k.last4),
    status: k.status === 'active' && expired ? 'expired' : k.status, ownerId: k.userId,
    allowedModels: k.allowedModels, allowedProviders: k.allowedProviders ?? null, ipAllowlist: k.ipAllowlist ?? null,
    expiresAt: k.expiresAt?.toISOString() ?? null, limits: k.limits ?? {}, lastRotatedAt: k.lastRotatedAt?.toISOString() ?? null,
    createdAt: k.createdAt.toISOString(),
  };
}
