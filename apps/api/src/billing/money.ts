import type { NormalizedUsage } from '@ai-router/providers';

/**
 * Money is integer nano-dollars (1e-9 USD) in BigInt: never a float. Rounding rule: each priced
 * component (input, output, cached input, cache write, images, request) is converted to nano-dollars
 * and rounded UP to a whole nano-dollar, then the sum is multiplied by the org's multiplier in basis
 * points and rounded UP again. A request is never charged less than its exact price.
 *
 * Discounts come after the multiplier: first the org's plan discount, then a percent coupon on what
 * remains (so 10% plan + 20% coupon = 28% off, never more than 100%). Each discount is rounded DOWN to
 * a whole nano-dollar, so the charge stays rounded up.
 */
export const NANO_PER_DOLLAR = 1_000_000_000n;

export interface ModelPrice {
  inputPerMillion: bigint;
  outputPerMillion: bigint;
  cachedInputPerMillion: bigint;
  cacheWritePerMillion: bigint;
  perImage: bigint;
  perRequest: bigint;
  /** Largest output the model produces; bounds the worst case when the client names no max_tokens. */
  outputLimitTokens: number;
}

const ceilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

function tokensCost(tokens: number, perMillion: bigint): bigint {
  return tokens > 0 ? ceilDiv(BigInt(tokens) * perMillion, 1_000_000n) : 0n;
}

export function applyMultiplier(amount: bigint, multiplierBp: number): bigint {
  return ceilDiv(amount * BigInt(multiplierBp), 10_000n);
}

/** Discounts in basis points (1000 = 10% off), applied in this order. */
export interface Discount {
  planBp: number;
  couponBp: number;
}

export const NO_DISCOUNT: Discount = { planBp: 0, couponBp: 0 };

/** How much the discounts take off `amount` (the cost after the multiplier), by the rule above. */
export function discountOf(amount: bigint, discount: Discount): bigint {
  const plan = (amount * BigInt(discount.planBp)) / 10_000n;
  return plan + ((amount - plan) * BigInt(discount.couponBp)) / 10_000n;
}

/** What a request costs once its usage is known. Cached and cache-write tokens are part of input tokens. */
export function costOf(usage: NormalizedUsage, price: ModelPrice, multiplierBp: number): bigint {
  const plainInput = Math.max(0, usage.inputTokens - usage.cachedInputTokens - usage.cacheWriteTokens);
  const base =
    tokensCost(plainInput, price.inputPerMillion) +
    tokensCost(usage.cachedInputTokens, price.cachedInputPerMillion) +
    tokensCost(usage.cacheWriteTokens, price.cacheWritePerMillion) +
    tokensCost(usage.outputTokens, price.outputPerMillion) +
    BigInt(usage.images ?? 0) * price.perImage +
    price.perRequest;
  return applyMultiplier(base, multiplierBp);
}

/**
 * The most a request can cost: every prompt token at the dearest prompt price (the provider decides
 * which tokens are cached or cache writes), the smaller of the client's max_tokens and the model's
 * output limit at the output price for each of `choices` choices, and `images` images. costOf rounds
 * plain, cached and cache-write input up separately, so a split prompt may cost one nano-dollar more
 * per extra priced component than one component would: that is added before the multiplier.
 */
export function worstCaseCost(
  promptTokens: number, maxOutputTokens: number | null, images: number, price: ModelPrice, multiplierBp: number, choices = 1,
): bigint {
  const output = Math.min(maxOutputTokens ?? price.outputLimitTokens, price.outputLimitTokens) * Math.max(1, choices);
  const promptPrices = [price.inputPerMillion, price.cachedInputPerMillion, price.cacheWritePerMillion];
  const dearestPrompt = promptPrices.reduce((a, b) => (a > b ? a : b));
  const splitRounding = BigInt(promptPrices.slice(1).filter((p) => p > 0n).length);
  const base = costOf(
    { inputTokens: promptTokens, outputTokens: output, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, images },
    { ...price, inputPerMillion: dearestPrompt }, 10_000,
  );
  return applyMultiplier(base + splitRounding, multiplierBp);
}

/** "12.50" (dollars, up to 9 decimals) -> nano-dollars, exactly. */
export function parseDollars(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,9}))?$/.exec(value.trim());
  if (!match) throw new Error(`not an amount of dollars: ${value}`);
  const nano = BigInt(match[2]!) * NANO_PER_DOLLAR + BigInt((match[3] ?? '').padEnd(9, '0'));
  return match[1] ? -nano : nano;
}

/** nano-dollars -> "12.500000000" (exact, for APIs and invoices). */
export function formatDollars(nano: bigint): string {
  const sign = nano < 0n ? '-' : '';
  const abs = nano < 0n ? -nano : nano;
  return `${sign}${abs / NANO_PER_DOLLAR}.${(abs % NANO_PER_DOLLAR).toString().padStart(9, '0')}`;
}
