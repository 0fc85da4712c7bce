import type { PiiDetector } from './pii.types';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/**
 * Dotted-quad IPv4 addresses with octets 0-255. Not preceded by a word character or a dot (so
 * `v1.2.3.4` and longer dotted runs are left alone) nor by `<letter>/` (user agents such as
 * `Chrome/120.0.0.0`); URLs like `http://10.0.0.1:8080` still match. Three-part versions never match.
 * Mask keeps the first two octets: `192.168.*.*`.
 */
export const ipv4Detector: PiiDetector<'ipv4'> = {
  name: 'ipv4',
  pattern: new RegExp(`(?<![\\w.]|[A-Za-z]/)${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g'),
  mask: (match) => {
    const [a, b] = match.split('.');
    return `${a}.${b}.*.*`;
  },
};
