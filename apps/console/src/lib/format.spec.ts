import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('keeps every significant digit of the exact decimal and at least the cents', () => {
    expect(formatMoney('12.500000000')).toMatch(/^\$12\.50$/);
    expect(formatMoney('0.000045000')).toBe('$0.000045');
    expect(formatMoney('-3.000000000')).toBe('-$3.00');
    expect(formatMoney('7')).toBe('$7.00');
    expect(formatMoney(null)).toBe('—');
  });

  it('groups thousands without going through a float', () => {
    expect(formatMoney('123456789012.000000001').replace(/[^\d.$]/g, '')).toBe('$123456789012.000000001');
  });
});
