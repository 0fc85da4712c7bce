import type { NormalizedUsage } from '@ai-router/providers';
import { costOf, type ModelPrice } from '../billing/money';
import type { UsageBilling, UsageRecord } from './usage-record';

/** What a finished request costs its org, in nano-dollars (0 when the org is not billed). */
export function usageCost(record: UsageRecord): bigint {
  const usage = billableUsage(record);
  return record.billing && usage ? costOf(usage, priceOf(record.billing), record.billing.multiplierBp) : 0n;
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
