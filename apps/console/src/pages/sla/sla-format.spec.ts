import { describe, expect, it } from 'vitest';
import { describeBudget, formatRate } from './sla-format';

describe('formatRate', () => {
  it('keeps two decimals below 100%', () => {
    expect(formatRate(0.9995)).toBe('99.95%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('describeBudget', () => {
  it('says how much of the budget is used, overspent, or that nothing counts yet', () => {
    expect(describeBudget({ allowedFailures: 10, actualFailures: 3, remaining: 7, remainingRatio: 0.7 })).toBe('3 of 10 allowed failures used');
    expect(describeBudget({ allowedFailures: 1, actualFailures: 3, remaining: -2, remainingRatio: -2 })).toBe('Overspent by 2 failures');
    expect(describeBudget({ allowedFailures: 0, actualFailures: 0, remaining: 0, remainingRatio: null })).toBe('Too few requests for a budget yet');
    expect(describeBudget({ allowedFailures: 0, actualFailures: 2, remaining: -2, remainingRatio: null })).toBe('2 failures; too few requests to allow any');
  });
});
