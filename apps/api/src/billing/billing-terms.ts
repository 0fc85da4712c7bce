import type { EntityManager } from 'typeorm';
import type { Org } from '../orgs/org.entity';
import type { UsageDiscount } from '../usage/usage-record';

/** A percent coupon an org redeemed, as cached with its keys. */
export interface ActiveCoupon {
  redemptionId: string;
  percentBp: number;
  /** A capped coupon's discount is counted (and clamped) at settlement. */
  capped: boolean;
  validFrom: number;
  validUntil: number | null;
}

/** An org's prices and discounts, cached per API key (dropped when the org's billing changes). */
export interface BillingTerms {
  enabled: boolean;
  multiplierBp: number;
  planDiscountBp: number;
  coupon: ActiveCoupon | null;
}

/**
 * The org's terms, with its best percent coupon not yet over (the highest percent; a coupon whose cap
 * is used up or that was disabled no longer counts).
 */
export async function loadBillingTerms(m: EntityManager, org: Org | null): Promise<BillingTerms> {
  if (!org) return { enabled: false, multiplierBp: 10_000, planDiscountBp: 0, coupon: null };
  const [row] = (await m.query(
    `SELECT r.id, c.percent_bp AS "percentBp", c.cap_nano IS NOT NULL AS capped, c.valid_from AS "validFrom", c.valid_until AS "validUntil"
     FROM promo_redemptions r JOIN promo_codes c ON c.id = r.code_id
     WHERE r.org_id = $1 AND c.percent_bp IS NOT NULL AND c.disabled_at IS NULL AND (c.valid_until IS NULL OR c.valid_until > now())
       AND (c.cap_nano IS NULL OR r.discount_used_nano < c.cap_nano)
     ORDER BY c.percent_bp DESC, c.valid_from LIMIT 1`,
    [org.id],
  )) as { id: string; percentBp: number; capped: boolean; validFrom: Date | string; validUntil: Date | string | null }[];
  return {
    enabled: org.billingEnabled, multiplierBp: org.priceMultiplierBp, planDiscountBp: org.planDiscountBp,
    coupon: row ? {
      redemptionId: row.id, percentBp: row.percentBp, capped: row.capped, validFrom: new Date(row.validFrom).getTime(),
      validUntil: row.validUntil === null ? null : new Date(row.validUntil).getTime(),
    } : null,
  };
}

/** The discounts a request started at `now` gets: the plan's, and the coupon's while it is valid. */
export function discountAt(terms: BillingTerms, now: number): UsageDiscount {
  const c = terms.coupon;
  const valid = c !== null && c.validFrom <= now && (c.validUntil === null || now < c.validUntil);
  return {
    planBp: terms.planDiscountBp, couponBp: valid ? c.percentBp : 0,
    cappedRedemptionId: valid && c.capped ? c.redemptionId : null,
  };
}

/** The discount settlement is sure to give: a capped coupon may be used up by then, so its part is not counted on. */
export function assuredDiscount(discount: UsageDiscount): UsageDiscount {
  return discount.cappedRedemptionId ? { ...discount, couponBp: 0 } : discount;
}
