import { digitsOf, maskDigits } from './mask-utils';
import type { PiiDetector } from './pii.types';

/**
 * Mainland China mobile numbers: `1[3-9]` + 9 digits, written 13800138000, 138 0013 8000 or
 * 138-0013-8000, optionally after +86 / 0086 / 86 (with or without a separator).
 * Boundaries: not preceded by a word character or `+`, not followed by a word character or a
 * decimal part, so it never matches a slice of a longer digit run (order numbers, millisecond
 * timestamps, decimals) while lists like `13800138000 13912345678` are masked. Chinese characters
 * are not word characters, so `请联系13800138000` still matches.
 * Mask keeps the prefix, the first 3 and the last 4 digits: `+86 138-****-8000`.
 */
export const cnMobileDetector: PiiDetector<'cn_mobile'> = {
  name: 'cn_mobile',
  pattern: /(?<![\w+])(?:(?:\+|00)?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\w|\.\d)/g,
  mask: (match) => maskDigits(match, digitsOf(match).length - 8, 4),
};
