import { describe, expect, it } from 'vitest';
import { type BillingTerms, discountAt } from './billing-terms';

const terms = (coupon: Partial<NonNullable<BillingTerms['coupon']>> | null): BillingTerms => ({
  enabled: true, multiplierBp: 15_000, planDiscountBp: 1_000,
  coupon: coupon && { redemptionId: 'r1', percentBp: 2_000, capped: false, validFrom: 1_000, validUntil: 2_000, ...coupon },
});

describe('discountAt', () => {
  it('gives the plan discount always and the coupon only inside its window', () => {
    expect(discountAt(terms(null), 1_500)).toEqual({ planBp: 1_000, couponBp: 0, cappedRedemptionId: null });
    expect(discountAt(terms({}), 999)).toEqual({ planBp: 1_000, couponBp: 0, cappedRedemptionId: null });
    expect(discountAt(terms({}), 1_000)).toEqual({ planBp: 1_000, couponBp: 2_000, cappedRedemptionId: null });
    expect(discountAt(terms({}), 2_000)).toEqual({ planBp: 1_000, couponBp: 0, cappedRedemptionId: null });
    expect(discountAt(terms({ validUntil: null }), 9_999_999)).toMatchObject({ couponBp: 2_000 });
  });

  it('names a capped coupon so settlement can count it against the cap', () => {
    expect(discountAt(terms({ capped: true }), 1_500)).toEqual({ planBp: 1_000, couponBp: 2_000, cappedRedemptionId: 'r1' });
  });
});
