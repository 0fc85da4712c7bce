import { describe, expect, it } from 'vitest';
import { defaultPiiConfig, PII_BUILTINS, piiConfigSchema } from '@ai-router/contracts';
import { BUILTIN_ORDER } from './detectors';
import { compileMasker } from './pii-masker';

describe('piiConfigSchema', () => {
  it('defaults: on, every built-in, logs yes, upstream no', () => {
    expect(defaultPiiConfig()).toEqual({
      enabled: true,
      applyToLogs: true,
      applyToUpstream: false,
      builtins: [...PII_BUILTINS],
      custom: [],
    });
    expect(defaultPiiConfig().builtins).not.toBe(defaultPiiConfig().builtins);
  });

  it('names the same built-ins as the masker, and a parsed config compiles', () => {
    expect([...PII_BUILTINS].sort()).toEqual([...BUILTIN_ORDER].sort());
    const parsed = piiConfigSchema.parse({ custom: [{ name: 'employee_id', pattern: 'EMP-\\d{6}', flags: 'i' }] });
    expect(compileMasker(parsed).maskText('emp-123456').text).toBe('[redacted:employee_id]');
  });

  it.each([
    [{ builtins: ['passport'] }, 'builtins'],
    [{ builtins: ['email', 'email'] }, 'builtins'],
    [{ custom: [{ name: 'x', pattern: '(' }] }, 'pattern does not compile'],
    [{ custom: [{ name: 'x', pattern: 'a'.repeat(201) }] }, 'pattern'],
    [{ custom: [{ name: 'x', pattern: 'a', flags: 'g' }] }, 'flags may only be'],
    [{ custom: [{ name: 'x', pattern: 'a', flags: 'ii' }] }, 'flags must not repeat'],
    [{ custom: [{ name: 'x', pattern: '\\d*' }] }, 'empty string'],
    [{ custom: [{ name: 'Bad Name', pattern: 'a' }] }, 'name'],
    [{ custom: [{ name: 'email', pattern: 'a' }] }, 'already used'],
    [{ custom: [{ name: 'x', pattern: 'a' }, { name: 'x', pattern: 'b' }] }, 'already used'],
    [{ enabled: true, extra: 1 }, 'extra'],
  ])('rejects %j', (input, message) => {
    const result = piiConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });
});
