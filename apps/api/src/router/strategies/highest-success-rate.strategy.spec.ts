import { describe, expect, it } from 'vitest';
import { candidate, context, firstPicks, ids, request } from './__fixtures__/candidates';
import { highestSuccessRate } from './highest-success-rate.strategy';
import { wilsonLowerBound } from './strategy-helpers';

const track = (id: string, successRate: number | null, samples: number) => candidate(id, { signals: { successRate, samples } });

describe('highest-success-rate', () => {
  it.each([
    [1, 1, 0.207],
    [0.99, 1000, 0.982],
    [0.5, 10, 0.237],
    [null, 0, 0],
  ])('Wilson lower bound of %s over %i samples is ~%s', (rate, samples, expected) => {
    expect(wilsonLowerBound(rate, samples)).toBeCloseTo(expected, 3);
  });

  it.each([
    ['a lucky newcomer does not beat a proven deployment', [track('lucky', 1, 1), track('proven', 0.99, 1000)], ['proven', 'lucky']],
    ['higher rate first at equal evidence', [track('ok', 0.95, 500), track('best', 0.995, 500), track('bad', 0.6, 500)], ['best', 'ok', 'bad']],
    ['unmeasured after measured', [track('new', null, 0), track('meh', 0.7, 20)], ['meh', 'new']],
  ])('%s', (_name, fleet, expected) => {
    expect(ids(highestSuccessRate.order(fleet, request(), context()))).toEqual(expected);
  });

  it('breaks exact ties randomly', () => {
    const counts = firstPicks(highestSuccessRate, [track('a', 0.99, 100), track('b', 0.99, 100)], 2000);
    expect(counts.a! / 2000).toBeCloseTo(0.5, 1);
  });

  it('explains the bound', () => {
    const [first] = highestSuccessRate.order([track('a', 0.99, 1000)], request(), context());
    expect(first!.note).toBe('success 99.0% over 1000 (lower bound 98.2%)');
  });
});
