import { describe, expect, it } from 'vitest';
import { candidate, context, firstPicks, ids, request } from './__fixtures__/candidates';
import { randomStrategy } from './random.strategy';

describe('random', () => {
  const fleet = ['a', 'b', 'c', 'd'].map((id) => candidate(id, { weight: id === 'a' ? 100 : 1 }));

  it('is uniform whatever the weights', () => {
    const counts = firstPicks(randomStrategy, fleet, 8000);
    for (const id of ['a', 'b', 'c', 'd']) expect(counts[id]! / 8000).toBeCloseTo(0.25, 1);
  });

  it('replays exactly with the same seed and differs with another', () => {
    const run = (seed: number) => {
      const ctx = context(seed);
      return Array.from({ length: 20 }, () => ids(randomStrategy.order(fleet, request(), ctx)).join(''));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('returns every candidate once, unscored', () => {
    const ordered = randomStrategy.order(fleet, request(), context());
    expect(ids(ordered).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(ordered.every((s) => s.score === null && s.note === 'uniform random')).toBe(true);
  });
});
