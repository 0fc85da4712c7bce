import { describe, expect, it } from 'vitest';
import { candidate, context, firstPicks, ids, request } from './__fixtures__/candidates';
import { lowestLatency } from './lowest-latency.strategy';
import type { CandidateSignals } from './routing-strategy';

const measured = (id: string, latencyEwmaMs: number, more: Partial<CandidateSignals> = {}) =>
  candidate(id, { signals: { latencyEwmaMs, samples: 50, ...more } });
const noExplore = (seed = 1) => context(seed, { exploreRate: 0 });

describe('lowest-latency', () => {
  it('power of two choices: the best leads 2/3 of the time among three, the worst never', () => {
    const counts = firstPicks(lowestLatency, [measured('fast', 100), measured('mid', 200), measured('slow', 300)], 6000, noExplore());
    expect(counts.fast! / 6000).toBeCloseTo(2 / 3, 1);
    expect(counts.mid! / 6000).toBeCloseTo(1 / 3, 1);
    expect(counts.slow).toBeUndefined();
  });

  it('fails over by latency after the lead', () => {
    const ordered = lowestLatency.order([measured('slow', 300), measured('fast', 100), measured('mid', 200)], request(), noExplore());
    const rest = ids(ordered).slice(1);
    expect(rest).toEqual(['fast', 'mid', 'slow'].filter((id) => rest.includes(id)));
    expect(ordered[0]!.note).toMatch(/best of two, beat/);
  });

  it('weighs latency by load, so a queued fast deployment yields to an idle slower one', () => {
    const ordered = lowestLatency.order([measured('fast', 100, { inFlight: 5 }), measured('slow', 300)], request(), noExplore());
    expect(ids(ordered)).toEqual(['slow', 'fast']);
    expect(ordered[1]).toMatchObject({ score: 600, note: 'load-adjusted 600 ms: latency ~100 ms, 5 in flight' });
  });

  it.each([
    [0, ['total-fast', 'ttft-fast']],
    [1, ['ttft-fast', 'total-fast']],
  ])('blends TTFT with share %d', (ttftShare, expected) => {
    const fleet = [measured('ttft-fast', 900, { ttftEwmaMs: 50 }), measured('total-fast', 400, { ttftEwmaMs: 300 })];
    expect(ids(lowestLatency.order(fleet, request(), context(1, { ttftShare, exploreRate: 0 })))).toEqual(expected);
  });

  it('explores unmeasured deployments with a small probability and keeps them last otherwise', () => {
    const fleet = [measured('a', 100), measured('b', 100), candidate('new')];
    const counts = firstPicks(lowestLatency, fleet, 10_000, context(3, { exploreRate: 0.05 }));
    expect(counts.new! / 10_000).toBeCloseTo(0.05, 2);
    expect(ids(lowestLatency.order(fleet, request(), noExplore())).at(-1)).toBe('new');
  });

  it('explores at random when nothing is measured yet', () => {
    const counts = firstPicks(lowestLatency, [candidate('a'), candidate('b')], 2000);
    expect(counts.a! / 2000).toBeCloseTo(0.5, 1);
  });

  it('is deterministic for a given seed', () => {
    const fleet = [measured('a', 100), measured('b', 120), measured('c', 140), candidate('d')];
    const run = (seed: number) => Array.from({ length: 30 }, (_, i) => ids(lowestLatency.order(fleet, request(), context(seed + i)))[0]).join();
    expect(run(11)).toBe(run(11));
  });
});
