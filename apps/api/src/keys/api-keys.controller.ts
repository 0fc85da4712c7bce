import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { type ApiKeyView, type CreateApiKey, createApiKeySchema, type CreatedApiKey } from '@ai-router/contracts';
import type { AuthUser } from '../auth/auth-user';
import { Authenticated, CurrentUser } from '../auth/authenticated.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ApiKeysService } from './api-keys.service';

@Controller('api/orgs/:orgId/api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @Authenticated({ role: 'developer' })
  list(@Param('orgId') orgId: string): Promise<ApiKeyView[]> {
    return this.keys.list(orgId);
  }

  @Post()
  @Authenticated({ role: 'developer' })
  create(@Param('orgId') orgId: string, @CurrentUser() user: AuthUser, @Body(new ZodBodyPipe(createApiKeySchema)) body: CreateApiKey): Promise<CreatedApiKey> {
    return this.keys.create(orgId, user.id, body);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Authenticated({ role: 'admin' })
  revoke(@Param('orgId') orgId: string, @Param('id') id: string): Promise<ApiKeyView> {
    return this.keys.revoke(orgId, id);
  }
}
