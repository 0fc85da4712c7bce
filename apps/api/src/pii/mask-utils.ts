/** Small pure helpers shared by the detectors. */

const isDigit = (c: string) => c >= '0' && c <= '9';

export const digitsOf = (s: string): string => s.replace(/\D/g, '');

/**
 * Replaces digits with `*`, keeping the first `keepStart` and the last `keepEnd` digits; anything that
 * is not a digit (spaces, dashes, `+`) stays where it is, so the shape of the value survives.
 */
export function maskDigits(s: string, keepStart: number, keepEnd: number): string {
  const total = digitsOf(s).length;
  let seen = 0;
  let out = '';
  for (const c of s) {
    if (!isDigit(c)) {
      out += c;
      continue;
    }
    out += seen < keepStart || seen >= total - keepEnd ? c : '*';
    seen++;
  }
  return out;
}

/** The Luhn (mod 10) check used by payment card numbers. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** How many of the classes lowercase, uppercase and digit occur in `s` (0..3). */
export function characterClasses(s: string): number {
  return Number(/[a-z]/.test(s)) + Number(/[A-Z]/.test(s)) + Number(/\d/.test(s));
}
