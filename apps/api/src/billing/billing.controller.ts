import { Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type BillingSettings, billingSettingsSchema, type BillingView, type LedgerEntryView, type ModelPriceRequest, modelPriceSchema,
  type ModelPriceView, type TopUp, topUpSchema,
} from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { BillingAdminService } from './billing-admin.service';

/** Money comes in and prices are set by the platform owner; org members read their balance and ledger. */
@ApiTags('billing')
@Controller('api/orgs/:orgId')
export class BillingController {
  constructor(private readonly billing: BillingAdminService) {}

  @Get('billing')
  @Authenticated({ permission: 'billing:read' })
  overview(@CurrentActor() actor: OrgActor): Promise<BillingView> {
    return this.billing.overview(actor.orgId);
  }

  @Get('billing/ledger')
  @Authenticated({ permission: 'billing:read' })
  ledger(@CurrentActor() actor: OrgActor, @Query('limit') limit = '50', @Query('before') before?: string): Promise<LedgerEntryView[]> {
    return this.billing.ledger(actor.orgId, Number(limit) || 50, before);
  }

  @Put('billing/settings')
  @Authenticated({ permission: 'billing:manage' })
  settings(@CurrentActor() actor: OrgActor, @ZodBody(billingSettingsSchema) body: BillingSettings): Promise<BillingView> {
    return this.billing.updateSettings(actor.orgId, body);
  }

  @Post('billing/top-ups')
  @HttpCode(201)
  @Authenticated({ permission: 'billing:manage' })
  topUp(@CurrentActor() actor: OrgActor, @ZodBody(topUpSchema) body: TopUp): Promise<BillingView> {
    return this.billing.topUp(actor, body);
  }

  @Get('models/:modelId/prices')
  @Authenticated({ permission: 'models:read' })
  prices(@CurrentActor() actor: OrgActor, @Param('modelId') modelId: string): Promise<ModelPriceView[]> {
    return this.billing.prices(actor.orgId, modelId);
  }

  @Post('models/:modelId/prices')
  @HttpCode(201)
  @Authenticated({ permission: 'billing:manage' })
  setPrice(@CurrentActor() actor: OrgActor, @Param('modelId') modelId: string, @ZodBody(modelPriceSchema) body: ModelPriceRequest): Promise<ModelPriceView> {
    return this.billing.addPrice(actor.orgId, modelId, body);
  }
}
