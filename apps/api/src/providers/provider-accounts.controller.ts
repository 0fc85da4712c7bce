import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  type AddProviderKey, addProviderKeySchema, type UpdateProviderKey, updateProviderKeySchema, type ImportModels, importModelsSchema, type ImportModelsResult, type CreateProviderAccount, createProviderAccountSchema,
  type ProviderAccountView, type ProviderKeyView, type UpdateProviderAccount, updateProviderAccountSchema,
} from '@ai-router/contracts';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { ProviderAccountsService } from './provider-accounts.service';
import { UpstreamModelsService } from './upstream-models.service';

@ApiTags('providers')
@Controller('api/orgs/:orgId/provider-accounts')
export class ProviderAccountsController {
  constructor(private readonly accounts: ProviderAccountsService, private readonly catalogue: UpstreamModelsService) {}

  @Get()
  @Authenticated({ permission: 'providers:read' })
  list(@Param('orgId') orgId: string): Promise<ProviderAccountView[]> {
    return this.accounts.list(orgId);
  }

  @Get(':id')
  @Authenticated({ permission: 'providers:read' })
  get(@Param('orgId') orgId: string, @Param('id') id: string): Promise<ProviderAccountView> {
    return this.accounts.get(orgId, id);
  }

  @Post()
  @Authenticated({ permission: 'providers:write' })
  create(@Param('orgId') orgId: string, @ZodBody(createProviderAccountSchema) body: CreateProviderAccount): Promise<ProviderAccountView> {
    return this.accounts.create(orgId, body);
  }

  @Patch(':id')
  @Authenticated({ permission: 'providers:write' })
  update(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(updateProviderAccountSchema) body: UpdateProviderAccount): Promise<ProviderAccountView> {
    return this.accounts.update(orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'providers:delete' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.accounts.remove(orgId, id);
  }

  @Post(':id/keys')
  @Authenticated({ permission: 'providers:write' })
  addKey(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(addProviderKeySchema) body: AddProviderKey): Promise<ProviderKeyView> {
    return this.accounts.addKey(orgId, id, body);
  }

  @Patch(':id/keys/:keyId')
  @Authenticated({ permission: 'providers:write' })
  updateKey(
    @Param('orgId') orgId: string, @Param('id') id: string, @Param('keyId') keyId: string, @ZodBody(updateProviderKeySchema) body: UpdateProviderKey,
  ): Promise<ProviderKeyView> {
    return this.accounts.updateKey(orgId, id, keyId, body);
  }

  @Delete(':id/keys/:keyId')
  @HttpCode(204)
  @Authenticated({ permission: 'providers:delete' })
  removeKey(@Param('orgId') orgId: string, @Param('id') id: string, @Param('keyId') keyId: string): Promise<void> {
    return this.accounts.removeKey(orgId, id, keyId);
  }

  @Get(':id/upstream-models')
  @Authenticated({ permission: 'providers:read' })
  async upstreamModels(@Param('orgId') orgId: string, @Param('id') id: string): Promise<{ models: string[] }> {
    return { models: await this.catalogue.list(orgId, id) };
  }

  @Post(':id/import-models')
  @Authenticated({ permission: 'providers:write' })
  importModels(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(importModelsSchema) body: ImportModels): Promise<ImportModelsResult> {
    return this.catalogue.import(orgId, id, body.models);
  }
}
