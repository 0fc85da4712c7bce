import type { NormalizedUsage } from '@ai-router/providers';
import { assuredDiscount } from '../billing/billing-terms';
import { costOf, discountOf, type ModelPrice, NO_DISCOUNT } from '../billing/money';
import type { UsageBilling, UsageRecord } from './usage-record';

/** What a request is charged and what its discounts took off, in nano-dollars. */
export interface UsageCharge {
  cost: bigint;
  discount: bigint;
}

/**
 * What a finished request costs its org (charged only when it is billed): the price times the
 * multiplier, less the plan discount and then the coupon's, each rounded down (billing/money.ts).
 */
export function usageCharge(record: UsageRecord): UsageCharge {
  const usage = billableUsage(record);
  if (!record.billing || !usage) return { cost: 0n, discount: 0n };
  const gross = costOf(usage, priceOf(record.billing), record.billing.multiplierBp);
  const discount = discountOf(gross, record.billing.discount ?? NO_DISCOUNT);
  return { cost: gross - discount, discount };
}

/**
 * What a request is billed for. Rule: the usage the provider reported; for a client that left a stream
 * before any usage arrived, the estimated prompt and no output; a request that failed costs nothing.
 */
function billableUsage(record: UsageRecord): NormalizedUsage | null {
  if (record.usage) return record.usage;
  if (record.billing && record.status === 499 && record.ttftMs !== null) {
    return { inputTokens: record.billing.promptEstimate, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  }
  return null;
}

function priceOf(billing: UsageBilling): ModelPrice {
  const p = billing.price;
  return {
    inputPerMillion: BigInt(p.inputPerMillion), outputPerMillion: BigInt(p.outputPerMillion), cachedInputPerMillion: BigInt(p.cachedInputPerMillion),
    cacheWritePerMillion: BigInt(p.cacheWritePerMillion), perImage: BigInt(p.perImage), perRequest: BigInt(p.perRequest), outputLimitTokens: 0,
  };
}

/** The most settlement may charge the record, given its `charge` by usageCharge: only the assured discount counts. */
export function usageChargeCeiling(record: UsageRecord, charge: UsageCharge): bigint {
  const discount = record.billing?.discount;
  if (!record.billing || !discount?.cappedRedemptionId) return charge.cost;
  return usageCharge({ ...record, billing: { ...record.billing, discount: assuredDiscount(discount) } }).cost;
}
