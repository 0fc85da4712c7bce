import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ApiKeyView, CreateApiKey, CreatedApiKey } from '@ai-router/contracts';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { API_KEY_PREFIX, displayApiKey, generateApiKeySecret, hashApiKey } from './api-key-secret';
import { ApiKey } from './api-key.entity';

/** Admin management of the client keys that call /v1. */
@Injectable()
export class ApiKeysService {
  constructor(@InjectRepository(ApiKey) private readonly keys: Repository<ApiKey>, private readonly events: ClusterEventsService) {}

  async create(orgId: string, userId: string | null, input: CreateApiKey): Promise<CreatedApiKey> {
    const secret = generateApiKeySecret();
    const key = this.keys.create({
      id: randomUUID(), orgId, userId, name: input.name, keyHash: hashApiKey(secret),
      prefix: secret.slice(0, API_KEY_PREFIX.length + 4), last4: secret.slice(-4), status: 'active',
      allowedModels: input.allowedModels ?? null, expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      createdAt: new Date(),
    });
    await this.keys.insert(key);
    return { ...toView(key), secret };
  }

  async list(orgId: string): Promise<ApiKeyView[]> {
    return (await this.keys.find({ where: { orgId }, order: { createdAt: 'DESC' } })).map(toView);
  }

  async revoke(orgId: string, id: string): Promise<ApiKeyView> {
    const key = isUuid(id) ? await this.keys.createQueryBuilder('k').addSelect('k.keyHash').where({ id, orgId }).getOne() : null;
    if (!key) throw AppException.notFound('api key');
    await this.keys.update({ id, orgId }, { status: 'revoked' });
    await this.events.publish({ type: 'api-key.changed', keyHash: key.keyHash });
    return toView({ ...key, status: 'revoked' });
  }
}

function toView(k: ApiKey): ApiKeyView {
  return {
    id: k.id, name: k.name, display: displayApiKey(k.prefix, k.last4), status: k.status, allowedModels: k.allowedModels,
    expiresAt: k.expiresAt?.toISOString() ?? null, createdAt: k.createdAt.toISOString(),
  };
}
