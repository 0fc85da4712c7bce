import type { PiiDetector } from './pii.types';

/**
 * Email addresses: a local part of letters, digits and `._%+-`, then a dotted domain ending in a
 * 2-24 letter TLD. The local part may only start where no local-part character precedes it, which
 * keeps the scan linear on long runs. Runs before the phone detectors, so `13800138000@163.com` is
 * masked as one email. Mask keeps the first character of the local part: `j***@example.com`.
 */
export const emailDetector: PiiDetector<'email'> = {
  name: 'email',
  pattern: /(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g,
  mask: (match) => {
    const at = match.lastIndexOf('@');
    return `${match[0]}***${match.slice(at)}`;
  },
};
