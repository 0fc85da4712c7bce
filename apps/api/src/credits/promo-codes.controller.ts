import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CreateCoupon, createCouponSchema, type CreatedPromoCodeView, type CreateRedemptionCode, createRedemptionCodeSchema, type PromoCodeView,
  type RedeemCode, redeemCodeSchema, type RedemptionView,
} from '@ai-router/contracts';
import type { AuthUser, OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor, CurrentUser } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { PromoCodesService } from './promo-codes.service';
import { RedemptionsService } from './redemptions.service';

/** Codes and coupons are the platform owner's (checked in the service); an org admin redeems them. */
@ApiTags('credits')
@Controller('api')
export class PromoCodesController {
  constructor(private readonly codes: PromoCodesService, private readonly redemptions: RedemptionsService) {}

  /** The answer carries the code itself, this once; only its hash is kept. */
  @Post('platform/redemption-codes')
  @HttpCode(201)
  @Authenticated()
  createRedemptionCode(@CurrentUser() user: AuthUser, @ZodBody(createRedemptionCodeSchema) body: CreateRedemptionCode): Promise<CreatedPromoCodeView> {
    return this.codes.createRedemptionCode(user, body);
  }

  @Get('platform/redemption-codes')
  @Authenticated()
  listRedemptionCodes(@CurrentUser() user: AuthUser): Promise<PromoCodeView[]> {
    return this.codes.list(user, 'redemption');
  }

  @Post('platform/redemption-codes/:id/disable')
  @HttpCode(200)
  @Authenticated()
  disableRedemptionCode(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PromoCodeView> {
    return this.codes.disable(user, 'redemption', id);
  }

  @Post('platform/coupons')
  @HttpCode(201)
  @Authenticated()
  createCoupon(@CurrentUser() user: AuthUser, @ZodBody(createCouponSchema) body: CreateCoupon): Promise<CreatedPromoCodeView> {
    return this.codes.createCoupon(user, body);
  }

  @Get('platform/coupons')
  @Authenticated()
  listCoupons(@CurrentUser() user: AuthUser): Promise<PromoCodeView[]> {
    return this.codes.list(user, 'coupon');
  }

  @Post('platform/coupons/:id/disable')
  @HttpCode(200)
  @Authenticated()
  disableCoupon(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PromoCodeView> {
    return this.codes.disable(user, 'coupon', id);
  }

  /** A redemption code or a coupon, whichever the text is. */
  @Post('orgs/:orgId/billing/redemptions')
  @HttpCode(201)
  @Authenticated({ permission: 'billing:write' })
  redeem(@CurrentActor() actor: OrgActor, @ZodBody(redeemCodeSchema) body: RedeemCode): Promise<RedemptionView> {
    return this.redemptions.redeem(actor, body);
  }
}
