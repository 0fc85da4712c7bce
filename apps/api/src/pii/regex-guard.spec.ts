import { describe, expect, it } from 'vitest';
import { compileCustomPattern, unsafePatternReason } from './regex-guard';

describe('unsafePatternReason', () => {
  it.each([
    '(a+)+',
    '(a*)*b',
    '(?:\\w+\\s?)*$',
    '(a|b?)+',
    '(x+){10}',
    '([a-z]+\\.)+com',
    '((ab)+c)*',
    '(?<word>\\d+)+',
    '(a+?)+',
  ])('refuses nested quantifiers: %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toMatch(/nested quantifiers/);
  });

  it.each(['(a)\\1', '(?<x>a)\\k<x>'])('refuses backreferences: %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toMatch(/backreferences/);
  });

  it.each([
    'EMP-\\d{6}',
    '(?:\\d{1,3}\\.){3}\\d{1,3}',
    '(?:foo|bar)+',
    '[(+*)]+', // quantifier characters inside a class are literals
    '\\(a+\\)+', // escaped parentheses are not a group
    'a{2}b{1,3}',
    '(?:abc)?\\d+',
    'x{,3}', // a literal brace
    '(?<=ID:)\\d{8}',
  ])('allows %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });

  it('refuses over-long and unbalanced patterns', () => {
    expect(unsafePatternReason('a'.repeat(201))).toMatch(/longer than 200/);
    expect(unsafePatternReason('(a')).toMatch(/unbalanced/);
  });
});

describe('compileCustomPattern', () => {
  it('adds the global flag and keeps the allowed ones', () => {
    expect(compileCustomPattern({ name: 'x', pattern: 'abc', flags: 'iu' }).flags).toBe('giu');
  });

  it.each([
    [{ name: 'x', pattern: 'a', flags: 'gy' }, /subset/],
    [{ name: 'x', pattern: '(' }, /unbalanced/],
    [{ name: 'x', pattern: '[' }, /Invalid regular expression/],
    [{ name: 'x', pattern: 'a?' }, /empty string/],
  ])('refuses %j', (rule, reason) => {
    expect(() => compileCustomPattern(rule)).toThrowError(reason);
  });
});
