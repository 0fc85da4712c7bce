import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { consistentHash } from './consistent-hash.strategy';
import type { Candidate } from './routing-strategy';

const keys = Array.from({ length: 1000 }, (_, i) => `user-${i}`);
const fleetOf = (...names: string[]) => names.map((id) => candidate(id));
const owner = (fleet: Candidate[], stickyKey: string) => ids(consistentHash.order(fleet, request({ stickyKey }), context()))[0]!;
const shares = (fleet: Candidate[]) => {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[owner(fleet, key)] = (counts[owner(fleet, key)] ?? 0) + 1;
  return counts;
};

describe('consistent-hash', () => {
  const five = fleetOf('d1', 'd2', 'd3', 'd4', 'd5');

  it('sends a sticky key to the same deployment whatever the random stream or listing order', () => {
    const first = ids(consistentHash.order(five, request({ stickyKey: 'user-42' }), context(1)));
    expect(ids(consistentHash.order([...five].reverse(), request({ stickyKey: 'user-42' }), context(2)))).toEqual(first);
  });

  it('spreads keys evenly', () => {
    for (const count of Object.values(shares(five))) {
      expect(count).toBeGreaterThan(150);
      expect(count).toBeLessThan(250);
    }
  });

  it.each(['d1', 'd3', 'd5'])('removing %s of 5 remaps only the keys it owned (~20%%)', (removed) => {
    const rest = five.filter((c) => c.deployment.id !== removed);
    const moved = keys.filter((key) => owner(five, key) !== owner(rest, key));
    expect(moved.every((key) => owner(five, key) === removed)).toBe(true);
    expect(moved.length / keys.length).toBeGreaterThan(0.14);
    expect(moved.length / keys.length).toBeLessThan(0.26);
  });

  it('adding a sixth deployment only takes keys for itself', () => {
    const six = [...five, candidate('d6')];
    const moved = keys.filter((key) => owner(five, key) !== owner(six, key));
    expect(moved.every((key) => owner(six, key) === 'd6')).toBe(true);
    expect(moved.length / keys.length).toBeCloseTo(1 / 6, 1);
  });

  it('fails over to the next-highest hash: the order without the chosen one is the fallback order', () => {
    for (const stickyKey of keys.slice(0, 50)) {
      const [chosen, ...fallbacks] = ids(consistentHash.order(five, request({ stickyKey }), context()));
      const without = five.filter((c) => c.deployment.id !== chosen);
      expect(ids(consistentHash.order(without, request({ stickyKey }), context()))).toEqual(fallbacks);
    }
  });

  it('shares keys by weight and keeps zero weights last', () => {
    const weighted = [candidate('heavy', { weight: 3 }), candidate('light', { weight: 1 }), candidate('spare', { weight: 0 })];
    const counts = shares(weighted);
    expect(counts.heavy! / keys.length).toBeCloseTo(0.75, 1);
    expect(counts.spare).toBeUndefined();
    expect(ids(consistentHash.order(weighted, request({ stickyKey: 'k' }), context())).at(-1)).toBe('spare');
  });

  it('falls back to weighted random without a sticky key', () => {
    const ctx = context(3);
    const firsts = new Set(Array.from({ length: 50 }, () => ids(consistentHash.order(five, request(), ctx))[0]));
    expect(firsts.size).toBe(5);
    expect(consistentHash.order(five, request(), ctx)[0]!.note).toBe('no sticky key: weighted random');
  });
});
