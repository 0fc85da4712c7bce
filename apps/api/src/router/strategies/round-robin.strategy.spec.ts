import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { roundRobin } from './round-robin.strategy';

describe('round-robin', () => {
  const fleet = [candidate('c'), candidate('a'), candidate('b')];

  it.each([
    [0, ['a', 'b', 'c']],
    [1, ['b', 'c', 'a']],
    [2, ['c', 'a', 'b']],
    [3, ['a', 'b', 'c']],
  ])('request %i starts one further along and fails over in rotation', (turn, expected) => {
    const ctx = context();
    for (let i = 0; i < turn; i++) roundRobin.order(fleet, request(), ctx);
    expect(ids(roundRobin.order(fleet, request(), ctx))).toEqual(expected);
  });

  it('keeps one cursor per model state, independent of the listing order', () => {
    const [first, second] = [context(), context()];
    roundRobin.order(fleet, request(), first);
    expect(ids(roundRobin.order([...fleet].reverse(), request(), first))[0]).toBe('b');
    expect(ids(roundRobin.order(fleet, request(), second))[0]).toBe('a');
  });

  it('keeps rotating over whatever survived filtering', () => {
    const ctx = context();
    const firsts = [fleet, fleet.slice(0, 2), fleet.slice(0, 2), fleet].map((c) => ids(roundRobin.order(c, request(), ctx))[0]);
    expect(firsts).toEqual(['a', 'c', 'a', 'a']);
  });

  it('notes the turn and returns nothing for no candidates', () => {
    const ctx = context();
    expect(roundRobin.order([], request(), ctx)).toEqual([]);
    expect(roundRobin.order(fleet, request(), ctx).map((s) => s.note)).toEqual(['turn 1', 'rotation +1', 'rotation +2']);
  });
});
