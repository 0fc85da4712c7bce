import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { weightedRoundRobin } from './weighted-round-robin.strategy';

const sequence = (weights: Record<string, number>, length: number, ctx = context()): string => {
  const fleet = Object.entries(weights).map(([id, weight]) => candidate(id, { weight }));
  return Array.from({ length }, () => ids(weightedRoundRobin.order(fleet, request(), ctx))[0]).join(' ');
};

describe('weighted-round-robin', () => {
  it.each([
    [{ a: 5, b: 1, c: 1 }, 7, 'a a b a c a a'],
    [{ a: 3, b: 2 }, 5, 'a b a b a'],
    [{ a: 1, b: 1, c: 1 }, 6, 'a b c a b c'],
    [{ a: 2, b: 0 }, 3, 'a a a'],
  ])('interleaves %o smoothly (nginx)', (weights, length, expected) => {
    expect(sequence(weights, length)).toBe(expected);
  });

  it('does not use random: two contexts with different seeds agree', () => {
    expect(sequence({ a: 4, b: 3, c: 2 }, 18, context(1))).toBe(sequence({ a: 4, b: 3, c: 2 }, 18, context(99)));
  });

  it('fails over to whoever would be picked next, zero weights last', () => {
    const fleet = [candidate('a', { weight: 5 }), candidate('spare', { weight: 0 }), candidate('b', { weight: 1 }), candidate('c', { weight: 2 })];
    const ordered = weightedRoundRobin.order(fleet, request(), context());
    expect(ids(ordered)).toEqual(['a', 'c', 'b', 'spare']);
    expect(ordered[0]!.note).toBe('weight 5, current 5 of 8');
    expect(ordered[3]!.note).toBe('weight 0: last resort');
  });

  it('forgets a deployment that left, so it restarts fresh when it returns', () => {
    const ctx = context();
    const a = candidate('a', { weight: 1 });
    const b = candidate('b', { weight: 1 });
    weightedRoundRobin.order([a, b], request(), ctx);
    weightedRoundRobin.order([b], request(), ctx);
    expect([...(ctx.state.get('weighted-round-robin.current') as Map<string, number>).keys()]).toEqual(['b']);
    // Without forgetting, a would come back at -1 + 1 = 0.
    const back = weightedRoundRobin.order([a, b], request(), ctx).find((s) => s.candidate === a);
    expect(back!.note).toBe('weight 1, current 1 of 2');
  });
});
