import { z } from 'zod';
import { dollarsSchema } from './billing.schema';

const positiveDollars = dollarsSchema.refine((v) => /[1-9]/.test(v), 'must be more than zero');
const common = {
  /** 1 = single use; more = that many orgs may redeem it, each once. */
  maxRedemptions: z.number().int().min(1).max(1_000_000).default(1),
  note: z.string().trim().max(500).optional(),
};
const validity = {
  validFrom: z.iso.datetime({ offset: true }).optional(),
  validUntil: z.iso.datetime({ offset: true }).optional(),
};

/** A redemption code credits its amount to the org that redeems it (like a gift card). */
export const createRedemptionCodeSchema = z.strictObject({ amount: positiveDollars, expiresAt: z.iso.datetime({ offset: true }).optional(), ...common });
export type CreateRedemptionCode = z.infer<typeof createRedemptionCodeSchema>;

/**
 * A coupon: `fixed` credits its amount on redemption; `percent` takes `percentBp` (2500 = 25%) off the
 * org's usage charges from validFrom to validUntil, at most `cap` in all for that org when given.
 */
export const createCouponSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('fixed'), amount: positiveDollars, ...validity, ...common }),
  z.strictObject({ type: z.literal('percent'), percentBp: z.number().int().min(1).max(10_000), cap: positiveDollars.optional(), ...validity, ...common }),
]);
export type CreateCoupon = z.infer<typeof createCouponSchema>;

export const redeemCodeSchema = z.strictObject({ code: z.string().trim().min(8).max(200) });
export type RedeemCode = z.infer<typeof redeemCodeSchema>;

export type PromoCodeKind = 'redemption' | 'coupon';

/** Amounts are dollar strings with 9 decimals; the code itself is never shown again after creation. */
export interface PromoCodeView {
  id: string;
  kind: PromoCodeKind;
  /** Prefix and last 4 characters, to recognise a code. */
  hint: string;
  /** Credit on redemption (redemption codes and fixed coupons), else null. */
  amount: string | null;
  percentBp: number | null;
  cap: string | null;
  maxRedemptions: number;
  redemptionCount: number;
  validFrom: string;
  validUntil: string | null;
  disabled: boolean;
  note: string | null;
  createdAt: string;
}

/** Returned once, at creation. */
export interface CreatedPromoCodeView extends PromoCodeView {
  code: string;
}

export interface RedemptionView {
  kind: PromoCodeKind;
  /** What was credited to the balance, or null for a percent coupon. */
  credited: string | null;
  percentBp: number | null;
  validUntil: string | null;
  balance: string;
}
