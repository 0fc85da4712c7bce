import { describe, expect, it } from 'vitest';
import { judgeBudgets } from './budget-threshold.evaluator';

const dollars = (n: number) => BigInt(Math.round(n * 1e9));

describe('judgeBudgets', () => {
  it('judges the most used budget against the percent', () => {
    const budgets = [{ name: 'a', used: dollars(1), limit: dollars(10) }, { name: 'b', used: dollars(8), limit: dollars(10) }];
    expect(judgeBudgets(budgets, 80)).toMatchObject({ breached: true, value: 80, summary: expect.stringContaining('"b" at 80%') });
    expect(judgeBudgets(budgets, 81)).toMatchObject({ breached: false, value: 80 });
  });

  it('has no data without budgets', () => {
    expect(judgeBudgets([], 50)).toEqual({ breached: false, value: null, summary: 'no budget to watch' });
  });
});
