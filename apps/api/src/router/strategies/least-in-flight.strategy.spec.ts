import { describe, expect, it } from 'vitest';
import { candidate, context, firstPicks, ids, request } from './__fixtures__/candidates';
import { leastInFlight } from './least-in-flight.strategy';

const busy = (id: string, inFlight: number) => candidate(id, { signals: { inFlight } });

describe('least-in-flight', () => {
  it.each([
    [[3, 0, 1], ['b', 'c', 'a']],
    [[0, 5, 2], ['a', 'c', 'b']],
    [[9, 8, 7], ['c', 'b', 'a']],
  ])('orders in-flight counts %j as %j', (counts, expected) => {
    const fleet = counts.map((n, i) => busy('abc'[i]!, n));
    const ordered = leastInFlight.order(fleet, request(), context());
    expect(ids(ordered)).toEqual(expected);
    expect(ordered[0]!.note).toBe(`${Math.min(...counts)} in flight`);
  });

  it('breaks ties randomly so idle deployments share the load', () => {
    const counts = firstPicks(leastInFlight, [busy('a', 0), busy('b', 0), busy('c', 4)], 4000);
    expect(counts.c).toBeUndefined();
    expect(counts.a! / 4000).toBeCloseTo(0.5, 1);
  });

  it('is deterministic for a given seed', () => {
    const fleet = [busy('a', 1), busy('b', 1), busy('c', 1)];
    expect(ids(leastInFlight.order(fleet, request(), context(5)))).toEqual(ids(leastInFlight.order(fleet, request(), context(5))));
  });
});
