import { Module } from '@nestjs/common';
import { PromoCodesController } from './promo-codes.controller';
import { PromoCodesService } from './promo-codes.service';
import { RedemptionsService } from './redemptions.service';

/** Redemption codes and coupons: created by the platform owner, redeemed by org admins. */
@Module({ controllers: [PromoCodesController], providers: [PromoCodesService, RedemptionsService] })
export class CreditsModule {}
