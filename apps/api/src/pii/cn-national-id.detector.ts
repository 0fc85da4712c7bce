import type { PiiDetector } from './pii.types';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character of a GB 11643 resident identity number. */
export function cnIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** A real calendar date between 1900-01-01 and today. */
function plausibleBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && date.getTime() <= Date.now();
}

/**
 * Chinese resident identity numbers (18 characters): 6-digit region, birth date YYYYMMDD, 3-digit
 * sequence, check character 0-9 or X. Validated with the MOD 11-2 checksum and a plausible birth date,
 * so random 18-digit numbers almost never match. Runs before bank_card (an 18-digit id can pass Luhn).
 * Mask keeps the first 3 and last 4 characters: `110***********002X`.
 */
export const cnNationalIdDetector: PiiDetector<'cn_national_id'> = {
  name: 'cn_national_id',
  pattern: /(?<!\w)[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\w)/g,
  validate: (match) =>
    cnIdCheckChar(match.slice(0, 17)) === match[17].toUpperCase() && plausibleBirthDate(match.slice(6, 14)),
  mask: (match) => `${match.slice(0, 3)}${'*'.repeat(11)}${match.slice(14)}`,
};
