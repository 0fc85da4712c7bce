import { createApiKeySchema, createProviderAccountSchema, createInviteSchema } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { errorsUnder, listOf, optionalInstant, optionalNumber, validate } from './zod-form';

describe('validate', () => {
  it('returns the parsed data of a valid form', () => {
    expect(validate(createInviteSchema, { email: ' A@Example.com ', role: 'viewer' })).toEqual({
      ok: true,
      data: { email: 'a@example.com', role: 'viewer' },
    });
  });

  it('maps issues to field paths with readable messages', () => {
    const result = validate(createApiKeySchema, { name: '', ipAllowlist: ['10.0.0.0/8', 'nope'] });
    expect(result).toEqual({
      ok: false,
      errors: { name: 'Required.', 'ipAllowlist.1': 'Must be an IPv4 or IPv6 address or CIDR block.' },
    });
  });

  it('keeps the custom messages of cross-field rules', () => {
    const result = validate(createProviderAccountSchema, { name: 'b', kind: 'bedrock', apiKey: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.awsCredentials).toMatch(/Bedrock needs AWS credentials/);
      expect(result.errors['settings.region']).toMatch(/region/);
    }
  });

  it('explains a bad URL', () => {
    const result = validate(createProviderAccountSchema, { name: 'x', kind: 'openai', baseUrl: 'localhost' });
    expect(result.ok ? {} : result.errors).toEqual({ baseUrl: expect.stringMatching(/full URL/) });
  });
});

describe('form helpers', () => {
  it('narrows errors to a nested editor', () => {
    expect(errorsUnder({ 'rules.0.name': 'a', 'rules.1': 'b', name: 'c' }, 'rules.0')).toEqual({ name: 'a' });
  });

  it('splits lists and reads optional numbers', () => {
    expect(listOf(' a, b\n\nc ')).toEqual(['a', 'b', 'c']);
    expect(optionalNumber(' ')).toBeUndefined();
    expect(optionalNumber('4')).toBe(4);
    expect(optionalNumber('x')).toBeNaN();
  });

  it('reads a local date and time as an instant', () => {
    expect(optionalInstant(' ')).toBeUndefined();
    expect(optionalInstant('2030-01-02T03:04')).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
    expect(optionalInstant('soon')).toBe('soon');
  });
});
