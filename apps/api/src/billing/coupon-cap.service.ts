import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { firstRow } from '../database/returned-rows';
import { usageCharge, type UsageCharge } from '../usage/usage-cost';
import type { UsageRecord } from '../usage/usage-record';
import { discountOf } from './money';

/**
 * A percent coupon with a cap gives an org at most the cap in all. Each request's coupon discount is
 * granted from what remains, under a row lock on the redemption, and recorded by request id, so
 * concurrent settlements never grant past the cap and a settlement delivered twice counts once.
 */
@Injectable()
export class CouponCapService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The request's charge with its coupon discount clamped to the coupon's remaining cap. */
  async chargeOf(record: UsageRecord): Promise<UsageCharge> {
    const charge = usageCharge(record);
    const discount = record.billing?.discount;
    if (!discount?.cappedRedemptionId || charge.discount === 0n) return charge;
    const gross = charge.cost + charge.discount;
    const plan = discountOf(gross, { planBp: discount.planBp, couponBp: 0 });
    const row = firstRow<{ granted: string | null }>(await this.db.query(
      `WITH r AS (
         SELECT r.id, c.cap_nano, r.discount_used_nano FROM promo_redemptions r JOIN promo_codes c ON c.id = r.code_id WHERE r.id = $1 FOR UPDATE OF r),
       granted AS (
         INSERT INTO coupon_discounts (request_id, redemption_id, discount_nano)
         SELECT $2, r.id, LEAST($3::bigint, GREATEST(r.cap_nano - r.discount_used_nano, 0)) FROM r
         ON CONFLICT (request_id) DO NOTHING RETURNING redemption_id, discount_nano),
       used AS (
         UPDATE promo_redemptions SET discount_used_nano = discount_used_nano + granted.discount_nano FROM granted
         WHERE promo_redemptions.id = granted.redemption_id RETURNING 1)
       SELECT coalesce((SELECT discount_nano FROM granted), (SELECT discount_nano FROM coupon_discounts WHERE request_id = $2))::text AS granted`,
      [discount.cappedRedemptionId, record.requestId, (charge.discount - plan).toString()],
    ));
    const coupon = BigInt(row?.granted ?? 0);
    return { cost: gross - plan - coupon, discount: plan + coupon };
  }
}
