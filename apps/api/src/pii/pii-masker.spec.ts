import { describe, expect, it } from 'vitest';
import { ALL_BUILTINS, config, mask } from './__fixtures__/masker';
import { BUILTIN_ORDER } from './detectors';
import { compileMasker, PiiConfigError, piiConfigProblems } from './pii-masker';

describe('compileMasker: order and overlap', () => {
  it('applies the documented order', () => {
    expect(BUILTIN_ORDER).toEqual(['api_key', 'email', 'cn_national_id', 'bank_card', 'cn_mobile', 'phone', 'ipv4']);
    expect([...BUILTIN_ORDER].sort()).toEqual([...ALL_BUILTINS].sort());
  });

  it('masks a mixed Chinese message and counts findings', () => {
    const masker = compileMasker(config());
    const { text, findings } = masker.maskText(
      '用户张三，手机 13800138000，身份证 11010519491231002X，卡号 6222 0212 3456 7890 128，' +
        '邮箱 zhangsan@example.cn，IP 203.0.113.7，key sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7b',
    );
    expect(text).toBe(
      '用户张三，手机 138****8000，身份证 110***********002X，卡号 **** **** **** ***0 128，' +
        '邮箱 z***@example.cn，IP 203.0.*.*，key [redacted:api_key]',
    );
    expect(findings).toEqual({ cn_mobile: 1, cn_national_id: 1, bank_card: 1, email: 1, ipv4: 1, api_key: 1 });
  });

  it('an email made of a mobile number is one email', () => {
    expect(mask('13800138000@163.com')).toBe('1***@163.com');
  });

  it('a valid national id is not also a card, a +86 number is not also an international phone', () => {
    expect(compileMasker(config()).maskText('310115198511205673 +8613912345678').findings).toEqual({
      cn_national_id: 1,
      cn_mobile: 1,
    });
  });

  it('never re-masks its own output', () => {
    const once = mask('sk-ant-api03-AbCdEf1234567890GhIjKl 4111 1111 1111 1111 +44 20 7946 0958 a@b.io 10.1.2.3');
    expect(mask(once)).toBe(once);
  });

  it.each([
    'order #20240115000123456 shipped at 2024-01-15 10:23:45.123+08:00',
    'unix 1705285425, ms 1705285425123, version 2.14.3, v1.2.3.4, node v20.19.0',
    'request id 550e8400-e29b-41d4-a716-446655440000, trace 7f3a1b2c',
    'totals: 1,234,567.89 CNY; 12345678; 3.1415926535',
    'gpt-4o-mini-2024-07-18 claude-3-5-sonnet-20241022',
  ])('leaves ordinary text alone: %s', (input) => {
    expect(mask(input)).toBe(input);
  });
});

describe('compileMasker: config', () => {
  it('only runs the enabled built-ins', () => {
    expect(mask('13800138000 a@b.io', ['email'])).toBe('13800138000 a***@b.io');
  });

  it('does nothing when disabled, and exposes where it applies', () => {
    const off = compileMasker({ ...config(), enabled: false, applyToUpstream: true });
    expect(off.maskText('13800138000')).toEqual({ text: '13800138000', findings: {} });
    expect([off.applyToLogs, off.applyToUpstream]).toEqual([false, false]);
    const on = compileMasker({ ...config(), applyToUpstream: true });
    expect([on.applyToLogs, on.applyToUpstream]).toEqual([true, true]);
  });

  it('applies custom rules after the built-ins, literal replacement, default replacement', () => {
    const masker = compileMasker(
      config(ALL_BUILTINS, [
        { name: 'employee_id', pattern: 'EMP-\\d{6}', replacement: 'EMP-******' },
        { name: 'project', pattern: 'project\\s+(?:falcon|osprey)', flags: 'i' },
        { name: 'dollar', pattern: 'secret', replacement: '$1 $&' },
      ]),
    );
    const result = masker.maskText('EMP-004211 on Project Falcon, secret, tel 13800138000');
    expect(result.text).toBe('EMP-****** on [redacted:project], $1 $&, tel 138****8000');
    expect(result.findings).toEqual({ employee_id: 1, project: 1, dollar: 1, cn_mobile: 1 });
  });

  it('a custom rule cannot re-mask what a built-in masked', () => {
    const masker = compileMasker(config(ALL_BUILTINS, [{ name: 'digits', pattern: '\\d{4}' }]));
    expect(masker.maskText('card 4111111111111111').text).toBe('card ************1111');
  });

  it.each([
    ['(a+)+b', /nested quantifiers/],
    ['(\\w+\\s?)*$', /nested quantifiers/],
    ['(x)\\1', /backreferences/],
    ['a*', /empty string/],
    ['x'.repeat(201), /longer than 200/],
  ])('rejects the unsafe pattern %s', (pattern, reason) => {
    expect(() => compileMasker(config([], [{ name: 'bad', pattern }]))).toThrowError(reason);
  });

  it('reports problems for save-time validation, even while disabled', () => {
    const bad = { ...config([], [{ name: 'bad', pattern: '(a+)+' }]), enabled: false };
    expect(() => compileMasker(bad)).not.toThrow();
    expect(piiConfigProblems(bad)).toEqual(['custom rule "bad": nested quantifiers (like (a+)+) can backtrack catastrophically']);
    expect(piiConfigProblems(config())).toEqual([]);
  });

  it('rejects bad flags and reports every problem', () => {
    try {
      compileMasker(config([], [{ name: 'g', pattern: 'a', flags: 'g' }, { name: 'dup', pattern: 'b', flags: 'ii' }]));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PiiConfigError);
      expect((error as PiiConfigError).problems).toHaveLength(2);
    }
  });
});
