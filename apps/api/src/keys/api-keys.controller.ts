import { Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type ApiKeyView, type CreateApiKey, createApiKeySchema, type CreatedApiKey, type UpdateApiKey, updateApiKeySchema } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api-keys')
@Controller('api/orgs/:orgId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Authenticated({ permission: 'apiKeys:read' })
  list(@CurrentActor() actor: OrgActor): Promise<ApiKeyView[]> {
    return this.keys.list(actor);
  }

  @Post()
  @Authenticated({ permission: 'apiKeys:write' })
  create(@CurrentActor() actor: OrgActor, @ZodBody(createApiKeySchema) body: CreateApiKey): Promise<CreatedApiKey> {
    return this.keys.create(actor, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'apiKeys:read' })
  get(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<ApiKeyView> {
    return this.keys.get(actor, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'apiKeys:write' })
  update(@CurrentActor() actor: OrgActor, @Param('id') id: string, @ZodBody(updateApiKeySchema) body: UpdateApiKey): Promise<ApiKeyView> {
    return this.keys.update(actor, id, body);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Authenticated({ permission: 'apiKeys:write' })
  suspend(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<ApiKeyView> {
    return this.keys.setStatus(actor, id, 'suspended');
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Authenticated({ permission: 'apiKeys:write' })
  resume(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<ApiKeyView> {
    return this.keys.setStatus(actor, id, 'active');
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authenticated({ permission: 'apiKeys:delete' })
  revoke(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<ApiKeyView> {
    return this.keys.setStatus(actor, id, 'revoked');
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @Authenticated({ permission: 'apiKeys:write' })
  rotate(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<CreatedApiKey> {
    return this.keys.rotate(actor, id);
  }
}
