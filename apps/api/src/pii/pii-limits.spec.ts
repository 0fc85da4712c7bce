import { describe, expect, it } from 'vitest';
import { config } from './__fixtures__/masker';
import { compileMasker, DEFAULT_MAX_INPUT_CHARS } from './pii-masker';

const MB = 1_000_000;

/** A ~1 MB chat log with PII every few hundred characters. */
function bigLog(): { text: string; lines: number } {
  const line =
    '2024-01-15 10:23:45.123 INFO user 13800138000 (alice@example.com) from 203.0.113.7 paid with ' +
    '4111 1111 1111 1111 order 202401150001 using sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7b 订单已创建。\n';
  const lines = Math.floor(MB / line.length);
  return { text: line.repeat(lines), lines };
}

const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

describe('performance guards (loose bounds: they only catch catastrophic backtracking)', () => {
  const masker = compileMasker(config());

  it('masks 1 MB of PII-dense text, every occurrence', () => {
    const { text, lines } = bigLog();
    let result = { text: '', findings: {} as Record<string, number> };
    const ms = time(() => (result = masker.maskText(text)));
    expect(result.findings).toEqual({ cn_mobile: lines, email: lines, ipv4: lines, bank_card: lines, api_key: lines });
    expect(result.text).not.toMatch(/13800138000|alice@|4111 1111|sk-proj/);
    expect(ms).toBeLessThan(2000);
  });

  it.each([
    ['letters', 'a'.repeat(MB)],
    ['digits', '1'.repeat(MB)],
    ['spaced digits', '1 '.repeat(MB / 2)],
    ['grouped digits', '1234 '.repeat(MB / 5)],
    ['dotted', 'a.'.repeat(MB / 2)],
    ['dotted digits', '1.'.repeat(MB / 2)],
    ['at signs', 'a@'.repeat(MB / 2)],
    ['email-ish', 'x@' + 'ab.'.repeat(MB / 3)],
    ['plus digits', '+1'.repeat(MB / 2)],
    ['token chars', 'aB3-'.repeat(MB / 4)],
    ['bearer', 'Bearer '.repeat(MB / 7)],
    ['chinese', '请联系我们'.repeat(MB / 5)],
  ])('stays linear on adversarial input: %s', (_label, text) => {
    expect(time(() => masker.maskText(text))).toBeLessThan(2000);
  });
});

describe('input cap', () => {
  it('masks the first 1 MB and redacts the unscanned rest (fail closed)', () => {
    const head = 'call 13800138000 '.repeat(DEFAULT_MAX_INPUT_CHARS / 17 + 10);
    const { text, findings } = compileMasker(config()).maskText(head + 'tail 13912345678');
    expect(findings.oversize).toBe(1);
    expect(text).toMatch(/\[redacted:oversize \d+ chars\]$/);
    expect(text).not.toMatch(/13800138000|13912345678/);
    expect(text.length).toBeLessThan(head.length);
  });

  it('honours a custom cap and cuts at whitespace', () => {
    const masker = compileMasker(config(), { maxInputChars: 20 });
    expect(masker.maskText('hello 13800138000 world 13912345678')).toEqual({
      text: 'hello 138****8000 [redacted:oversize 17 chars]',
      findings: { cn_mobile: 1, oversize: 1 },
    });
  });
});
