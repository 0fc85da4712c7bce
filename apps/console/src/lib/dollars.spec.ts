import { describe, expect, it } from 'vitest';
import { editableDollars, formatDollars, ratio } from './dollars';

describe('formatDollars', () => {
  it('shows cents, grouped thousands and no float artefacts', () => {
    expect(formatDollars('25.000000000')).toBe('$25.00');
    expect(formatDollars('1234567.891000000')).toBe('$1,234,567.89');
    expect(formatDollars('0.1')).toBe('$0.10');
    expect(formatDollars('7')).toBe('$7.00');
  });

  it('keeps two significant digits of sub-cent amounts and passes the sign', () => {
    expect(formatDollars('0.000012345')).toBe('$0.000012');
    expect(formatDollars('0.004500000')).toBe('$0.0045');
    expect(formatDollars('-3.500000000')).toBe('-$3.50');
    expect(formatDollars('0.000000000')).toBe('$0.00');
  });

  it('shows a dash for no amount', () => {
    expect(formatDollars(null)).toBe('—');
  });
});

describe('ratio', () => {
  it('is the share of the whole, and 0 without one', () => {
    expect(ratio('25', '100')).toBe(0.25);
    expect(ratio('5.000000000', '0')).toBe(0);
  });
});

describe('editableDollars', () => {
  it('drops trailing zeros beyond the cents', () => {
    expect(editableDollars('25.000000000')).toBe('25.00');
    expect(editableDollars('0.004500000')).toBe('0.0045');
    expect(editableDollars('12.5')).toBe('12.5');
  });
});
