import { z } from 'zod';

/** Dollars as a decimal string with up to 9 decimals ("12.50"): exact, never a float. */
export const dollarsSchema = z.string().trim().regex(/^\d{1,9}(\.\d{1,9})?$/, 'dollars as a decimal string, e.g. "12.50"');

export const billingSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  /** 15000 = prices x1.5. */
  priceMultiplierBp: z.number().int().min(1).max(1_000_000).optional(),
  /** Plan discount on usage charges, 1000 = 10% off; composes with a percent coupon (see the README). */
  planDiscountBp: z.number().int().min(0).max(10_000).optional(),
  /** Notify `balance.low` when a charge takes the balance below this; null turns it off. */
  lowBalanceThreshold: dollarsSchema.nullable().optional(),
  /** On a low-balance crossing, also ask an external payment system for `amount` (`balance.recharge_requested`). */
  autoRecharge: z.strictObject({ enabled: z.boolean(), amount: dollarsSchema }).optional(),
});
export type BillingSettings = z.infer<typeof billingSettingsSchema>;

/**
 * `reference` makes a top-up idempotent: the same reference credits the org once, however often it is
 * sent (payment systems retry; pass a recharge request id or your payment id).
 */
export const topUpSchema = z.strictObject({
  amount: dollarsSchema,
  note: z.string().max(500).optional(),
  reference: z.string().trim().min(1).max(200).regex(/^[\w.:@-]+$/, 'letters, digits and . _ : @ -').optional(),
});
export type TopUp = z.infer<typeof topUpSchema>;

/** A new price-book version for one model; takes effect at `effectiveFrom` (default: now). */
export const modelPriceSchema = z.strictObject({
  inputPerMillion: dollarsSchema.default('0'),
  outputPerMillion: dollarsSchema.default('0'),
  cachedInputPerMillion: dollarsSchema.default('0'),
  cacheWritePerMillion: dollarsSchema.default('0'),
  perImage: dollarsSchema.default('0'),
  perRequest: dollarsSchema.default('0'),
  outputLimitTokens: z.number().int().positive().max(10_000_000).default(4096),
  effectiveFrom: z.iso.datetime({ offset: true }).optional(),
});
export type ModelPriceInput = z.input<typeof modelPriceSchema>;
export type ModelPriceRequest = z.infer<typeof modelPriceSchema>;

export interface ModelPriceView extends Omit<ModelPriceRequest, 'effectiveFrom'> {
  id: string;
  effectiveFrom: string;
}

/** Amounts are dollar strings with 9 decimals (exact nano-dollars). */
export interface BillingView {
  enabled: boolean;
  balance: string;
  held: string;
  available: string;
  priceMultiplierBp: number;
  planDiscountBp: number;
  lowBalanceThreshold: string | null;
  autoRecharge: { enabled: boolean; amount: string };
}

export interface LedgerEntryView {
  id: string;
  type: 'topup' | 'charge' | 'refund' | 'adjustment' | 'coupon' | 'redemption' | 'coupon_credit';
  amount: string;
  requestId: string | null;
  note: string | null;
  createdAt: string;
}
