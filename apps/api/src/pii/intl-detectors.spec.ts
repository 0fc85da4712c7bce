import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateApiKeySecret } from '../keys/api-key-secret';
import { looksLikeSecret } from './api-key.detector';
import { characterClasses } from './mask-utils';
import { mask } from './__fixtures__/masker';

describe('email', () => {
  it.each([
    ['write to john.doe@example.com today', 'write to j***@example.com today'],
    ['邮箱：zhang.san+ai@mail.example.com.cn。', '邮箱：z***@mail.example.com.cn。'],
    ['<a.b_c-d@sub-domain.example.co.uk>', '<a***@sub-domain.example.co.uk>'],
    ['qq 123456789@qq.com', 'qq 1***@qq.com'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['email'])).toBe(expected);
  });

  it.each(['user@localhost', 'foo@bar', '@example.com', 'see docs@v2.1', 'a @ b.com'])('leaves %s alone', (input) => {
    expect(mask(input, ['email'])).toBe(input);
  });
});

describe('phone (international)', () => {
  it.each([
    ['call +14155552671 now', 'call +14*******71 now'],
    ['UK: +44 20 7946 0958', 'UK: +44 ** **** **58'],
    ['DE +49-30-901820', 'DE +49-**-****20'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['phone'])).toBe(expected);
  });

  it.each([
    '2024-01-15T10:00:00+08:00',
    'offset +0800',
    'sum 1+23456789',
    '+1234567', // 7 digits
    '+1234567890123456', // 16 digits
    '+0 415 555 2671', // country code cannot start with 0
  ])('leaves %s alone', (input) => {
    expect(mask(input, ['phone'])).toBe(input);
  });
});

describe('ipv4', () => {
  it.each([
    ['client 203.0.113.42 connected', 'client 203.0.*.* connected'],
    ['http://10.0.0.1:8080/health', 'http://10.0.*.*:8080/health'],
    ['来自192.168.1.100的请求', '来自192.168.*.*的请求'],
  ])('%s', (input, expected) => {
    expect(mask(input, ['ipv4'])).toBe(expected);
  });

  it.each(['v1.2.3.4', 'version 1.2.3', '256.1.1.1', '1.2.3.4.5', 'Chrome/120.0.0.0 Safari/537.36', '10.0.0.1234'])(
    'leaves %s alone',
    (input) => {
      expect(mask(input, ['ipv4'])).toBe(input);
    },
  );
});

describe('api_key', () => {
  const R = '[redacted:api_key]';
  const b64url = (bytes: number) => randomBytes(bytes).toString('base64url');
  it.each([
    ['OpenAI', `key=sk-proj-${'Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6kM9nP2rS5uV8xA1'}`],
    ['OpenAI legacy', 'sk-T3BlbkFJa1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ12'],
    ['Anthropic', 'sk-ant-api03-Xy9_aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2uV3wX4yZ5-AbCdEfGhIjKlMnOpQrStUvWx-1234567890AA'],
    ['AI Router', `air-${b64url(32)}`],
    ['AWS', 'AKIAIOSFODNN7EXAMPLE'],
    ['Google', 'AIzaSyD3xAmPlE_kEy-0123456789abcdefghij'],
    ['GitHub', 'ghp_1A2b3C4d5E6f7G8h9I0j1K2l3M4n5O6p7Q8r'],
    ['JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'],
    ['hex', 'a3f5c9e1b7d24680f1e3c5a7b9d0e2f4'],
    ['base64', 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRkdI'],
  ])('masks a %s key fully', (_label, key) => {
    expect(mask(`token ${key} end`, ['api_key'])).toBe(`token ${key.startsWith('key=') ? `key=${R}` : R} end`);
  });

  it('keeps the word Bearer in an Authorization header', () => {
    expect(mask('Authorization: Bearer abc123def456ghi789jkl', ['api_key'])).toBe(`Authorization: Bearer ${R}`);
    expect(mask('authorization: bearer sk-live_9f8e7d6c5b4a3210', ['api_key'])).toBe(`authorization: bearer ${R}`);
  });

  it('masks every generated AI Router key and random high-entropy tokens', () => {
    for (let i = 0; i < 200; i++) {
      expect(mask(generateApiKeySecret(), ['api_key'])).toBe(R);
      const token = b64url(32);
      if (characterClasses(token) === 3) expect(looksLikeSecret(token)).toBe(true);
      const hex = randomBytes(16).toString('hex');
      if (/\d/.test(hex) && /[a-f]/.test(hex)) expect(looksLikeSecret(hex)).toBe(true);
    }
  });

  it.each([
    '550e8400-e29b-41d4-a716-446655440000', // UUID
    '550E8400-E29B-41D4-A716-446655440000',
    'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef', // no digits
    'air-conditioning-maintenance-schedule-for-2024', // prose with our prefix: no uppercase
    'sk-learn-model-classifier-version-2',
    'task-management-and-planning-overview', // `sk-` inside a word
    'the_quick_brown_fox_jumps_over_the_lazy_dog', // one class
    'src/app/components/UserProfile2Card/index', // a path
    'Bearer token authentication', // prose
    'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaAAAAAAAA1', // low entropy
  ])('leaves %s alone', (input) => {
    expect(mask(input, ['api_key'])).toBe(input);
  });
});
