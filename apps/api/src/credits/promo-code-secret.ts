import { randomBytes } from 'node:crypto';
import type { PromoCodeKind } from '@ai-router/contracts';

const PREFIX: Record<PromoCodeKind, string> = { redemption: 'AIRC-', coupon: 'AIRP-' };

/** 120 random bits: enough that a SHA-256 of the code (as for API keys) is safe to store. */
export function generatePromoCode(kind: PromoCodeKind): string {
  return PREFIX[kind] + randomBytes(15).toString('base64url');
}

export function promoCodeHint(code: string): string {
  return `${code.slice(0, 5)}…${code.slice(-4)}`;
}
