import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type CreateQuota, createQuotaSchema, type QuotaView, type UpdateQuota, updateQuotaSchema } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { QuotaPoliciesService } from './quota-policies.service';

/** Period quotas and budgets, each with its current window: used, reserved, resets at. */
@ApiTags('quotas')
@Controller('api/orgs/:orgId/quotas')
export class QuotasController {
  constructor(private readonly quotas: QuotaPoliciesService) {}

  @Get()
  @Authenticated({ permission: 'quotas:read' })
  list(@CurrentActor() actor: OrgActor): Promise<QuotaView[]> {
    return this.quotas.list(actor);
  }

  @Post()
  @Authenticated({ permission: 'quotas:write' })
  create(@CurrentActor() actor: OrgActor, @ZodBody(createQuotaSchema) body: CreateQuota): Promise<QuotaView> {
    return this.quotas.create(actor, body);
  }

  @Get(':id')
  @Authenticated({ permission: 'quotas:read' })
  get(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<QuotaView> {
    return this.quotas.get(actor, id);
  }

  @Patch(':id')
  @Authenticated({ permission: 'quotas:write' })
  update(@CurrentActor() actor: OrgActor, @Param('id') id: string, @ZodBody(updateQuotaSchema) body: UpdateQuota): Promise<QuotaView> {
    return this.quotas.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authenticated({ permission: 'quotas:delete' })
  async remove(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<void> {
    await this.quotas.remove(actor, id);
  }
}
