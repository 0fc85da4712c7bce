import type { PiiCustomRuleConfig } from './pii.types';

export const CUSTOM_PATTERN_MAX_CHARS = 200;
const ALLOWED_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

interface Quantifier {
  length: number;
  unbounded: boolean;
  repeats: boolean; // can match its atom more than once
}

/** Reads a quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally lazy). */
function quantifierAt(p: string, i: number): Quantifier | null {
  const c = p[i];
  let q: Quantifier | null = null;
  if (c === '*' || c === '+') q = { length: 1, unbounded: true, repeats: true };
  else if (c === '?') q = { length: 1, unbounded: false, repeats: false };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i, i + 24));
    if (!m) return null; // a literal `{`
    const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
    q = { length: m[0].length, unbounded: max === Infinity, repeats: max > 1 };
  }
  if (q && p[i + q.length] === '?') q.length++;
  return q;
}

/**
 * ReDoS heuristic for org-defined patterns. Rejects backreferences and nested quantifiers: a
 * repeated group that itself contains a quantifier, when either of the two is unbounded — `(a+)+`,
 * `(a*)*`, `(\w+\s?)*`, `(a|b?)+`, `(x+){10}`, `([a-z]+\.)+`. Bounded-in-bounded such as
 * `(\d{1,3}\.){3}` is allowed. This is a heuristic, not a proof: adjacent overlapping quantifiers
 * (`\d+\d+$`) are polynomial and pass; the per-call input cap bounds the damage.
 * Returns the reason a pattern is refused, or null.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > CUSTOM_PATTERN_MAX_CHARS) return `pattern is longer than ${CUSTOM_PATTERN_MAX_CHARS} characters`;
  // Per open group: does it contain a quantifier, and is any inner quantifier unbounded?
  const stack: { quantified: boolean; unbounded: boolean }[] = [{ quantified: false, unbounded: false }];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    let atomEnd = i; // index of the atom's last character
    let group: { quantified: boolean; unbounded: boolean } | null = null;
    if (c === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return 'backreferences are not allowed';
      atomEnd = i + 1;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      atomEnd = j;
    } else if (c === '(') {
      stack.push({ quantified: false, unbounded: false });
      continue;
    } else if (c === ')') {
      if (stack.length === 1) return 'unbalanced parenthesis';
      group = stack.pop()!;
    } else if (c === '|' || c === '^' || c === '$') {
      continue;
    }
    const q = quantifierAt(pattern, atomEnd + 1);
    const top = stack[stack.length - 1];
    if (group) {
      top.quantified ||= group.quantified;
      top.unbounded ||= group.unbounded;
    }
    if (q) {
      if (group?.quantified && q.repeats && (q.unbounded || group.unbounded)) {
        return 'nested quantifiers (like (a+)+) can backtrack catastrophically';
      }
      top.quantified = true;
      top.unbounded ||= q.unbounded;
      atomEnd += q.length;
    }
    i = atomEnd;
  }
  return stack.length === 1 ? null : 'unbalanced parenthesis';
}

/** Checks flags, length, syntax and the ReDoS heuristic; returns the compiled global regex. */
export function compileCustomPattern(rule: PiiCustomRuleConfig): RegExp {
  const flags = rule.flags ?? '';
  if (!ALLOWED_FLAGS.test(flags)) throw new Error(`flags "${flags}" must be a subset of "imsu"`);
  const unsafe = unsafePatternReason(rule.pattern);
  if (unsafe) throw new Error(unsafe);
  const regex = new RegExp(rule.pattern, `${flags}g`);
  if (regex.test('')) throw new Error('pattern must not match the empty string');
  regex.lastIndex = 0;
  return regex;
}
