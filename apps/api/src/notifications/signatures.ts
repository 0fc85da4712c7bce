import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-ai-router-timestamp';
export const SIGNATURE_HEADER = 'x-ai-router-signature';
/** Receivers should refuse timestamps further than this from their clock (replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Our webhook signature: `v1=` + hex HMAC-SHA256 over `<timestamp>.<raw body>` with the channel's
 * signing secret. The timestamp (unix seconds) is signed too, so a captured request cannot be
 * replayed later with a fresh timestamp. See README.md for the receiver's side.
 */
export function signWebhook(secret: string, timestampSeconds: number, rawBody: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex')}`;
}

/** What a receiver does (also the reference for our docs): recompute, compare in constant time, check the window. */
export function verifyWebhookSignature(
  secret: string, header: { timestamp: string; signature: string }, rawBody: string, nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const timestamp = Number(header.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(header.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Feishu custom bot: base64(HMAC-SHA256(key = "<timestamp>\n<secret>", message = "")), timestamp in seconds. */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/** DingTalk robot: base64(HMAC-SHA256(key = secret, message = "<timestamp>\n<secret>")), timestamp in ms; URL-encode when sent. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
}
