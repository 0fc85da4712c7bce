import { maskDigits } from './mask-utils';
import type { PiiDetector } from './pii.types';

/**
 * International phone numbers in E.164-ish form, deliberately conservative: a leading `+`, a country
 * code starting 1-9, 8 to 15 digits in all, single spaces or dashes between digits (no parentheses,
 * no words). Time-zone offsets (`+08:00`, `+0800`) and sums (`1+23456789`) do not match.
 * Runs after cn_mobile, so Chinese numbers keep their own mask. Mask keeps the first 2 and last 2
 * digits: `+44 20 7946 0958` -> `+44 ** **** **58`.
 */
export const phoneDetector: PiiDetector<'phone'> = {
  name: 'phone',
  pattern: /(?<![\w+])\+[1-9](?:[- ]?\d){7,14}(?!\w|\.\d)/g,
  mask: (match) => maskDigits(match, 2, 2),
};
