import { digitsOf, luhnValid, maskDigits } from './mask-utils';
import type { PiiDetector } from './pii.types';

const GROUPED_16 = 19; // `dddd dddd dddd dddd`

const isCard = (digits: string) => luhnValid(digits) && !/^(\d)\1*$/.test(digits);

/** Length of the card number at the start of a candidate, or 0 when it is not one. */
function cardLength(match: string): number {
  if (isCard(digitsOf(match))) return match.length;
  // A grouped 16-digit card followed by a short group that is something else (`... 1111 12/28`).
  if (match.length > GROUPED_16 && isCard(digitsOf(match.slice(0, GROUPED_16)))) return GROUPED_16;
  return 0;
}

/**
 * Payment card numbers: 16 to 19 digits, either unbroken or in groups of four with one kind of
 * separator (space or dash) and an optional last group of 1-3 (UnionPay 19 digits:
 * `6222 0212 3456 7890 128`). Never a slice of an identifier or of a longer unbroken digit run; a
 * grouped number is not taken from the middle of a longer grouped run. Candidates must pass the
 * Luhn check and not be one repeated digit, which leaves most order numbers alone (a random number
 * still passes Luhn one time in ten). Mask keeps the last 4 digits and the separators:
 * `**** **** **** 1111`.
 */
export const bankCardDetector: PiiDetector<'bank_card'> = {
  name: 'bank_card',
  pattern:
    /(?<!\w)\d{16,19}(?!\w)|(?<!\w|\d[- ])\d{4}([- ])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?(?!\w|[- ]\d{4})/g,
  validate: (match) => cardLength(match) > 0,
  mask: (match) => {
    const length = cardLength(match);
    return maskDigits(match.slice(0, length), 0, 4) + match.slice(length);
  },
};
