import { hash, randomBytes } from 'node:crypto';

/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
export const API_KEY_PREFIX = 'air-';

export function generateApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 suffices (no slow hash needed) because the secret is high-entropy, not a password; the
 * one-shot crypto.hash skips the Hash object createHash builds on every /v1 request.
 */
export function hashApiKey(secret: string): string {
  return hash('sha256', secret, 'hex');
}

export function displayApiKey(prefix: string, last4: string): string {
  return `${prefix}…${last4}`;
}
