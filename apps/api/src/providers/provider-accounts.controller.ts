import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  type AddProviderKey, addProviderKeySchema, type ImportModels, importModelsSchema, type ImportModelsResult, type CreateProviderAccount, createProviderAccountSchema,
  type ProviderAccountView, type ProviderKeyView, type UpdateProviderAccount, updateProviderAccountSchema,
} from '@ai-router/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ProviderAccountsService } from './provider-accounts.service';
import { UpstreamModelsService } from './upstream-models.service';

@Controller('api/orgs/:orgId/provider-accounts')
export class ProviderAccountsController {
  constructor(private readonly accounts: ProviderAccountsService, private readonly catalogue: UpstreamModelsService) {}

  @Get()
  @Authenticated({ role: 'viewer' })
  list(@Param('orgId') orgId: string): Promise<ProviderAccountView[]> {
    return this.accounts.list(orgId);
  }

  @Get(':id')
  @Authenticated({ role: 'viewer' })
  get(@Param('orgId') orgId: string, @Param('id') id: string): Promise<ProviderAccountView> {
    return this.accounts.get(orgId, id);
  }

  @Post()
  @Authenticated({ role: 'admin' })
  create(@Param('orgId') orgId: string, @Body(new ZodBodyPipe(createProviderAccountSchema)) body: CreateProviderAccount): Promise<ProviderAccountView> {
    return this.accounts.create(orgId, body);
  }

  @Patch(':id')
  @Authenticated({ role: 'admin' })
  update(@Param('orgId') orgId: string, @Param('id') id: string, @Body(new ZodBodyPipe(updateProviderAccountSchema)) body: UpdateProviderAccount): Promise<ProviderAccountView> {
    return this.accounts.update(orgId, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ role: 'admin' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.accounts.remove(orgId, id);
  }

  @Post(':id/keys')
  @Authenticated({ role: 'admin' })
  addKey(@Param('orgId') orgId: string, @Param('id') id: string, @Body(new ZodBodyPipe(addProviderKeySchema)) body: AddProviderKey): Promise<ProviderKeyView> {
    return this.accounts.addKey(orgId, id, body);
  }

  @Delete(':id/keys/:keyId')
  @HttpCode(204)
  @Authenticated({ role: 'admin' })
  removeKey(@Param('orgId') orgId: string, @Param('id') id: string, @Param('keyId') keyId: string): Promise<void> {
    return this.accounts.removeKey(orgId, id, keyId);
  }

  @Get(':id/upstream-models')
  @Authenticated({ role: 'admin' })
  async upstreamModels(@Param('orgId') orgId: string, @Param('id') id: string): Promise<{ models: string[] }> {
    return { models: await this.catalogue.list(orgId, id) };
  }

  @Post(':id/import-models')
  @Authenticated({ role: 'admin' })
  importModels(@Param('orgId') orgId: string, @Param('id') id: string, @Body(new ZodBodyPipe(importModelsSchema)) body: ImportModels): Promise<ImportModelsResult> {
    return this.catalogue.import(orgId, id, body.models);
  }
}
