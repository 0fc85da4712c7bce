import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { pareto } from './pareto.strategy';

const point = (id: string, price: number | null, latencyEwmaMs: number | null, quality: number | null = 0.5) =>
  candidate(id, { price: price === null ? null : [price, price], quality, signals: { latencyEwmaMs, successRate: 0.99, samples: latencyEwmaMs === null ? 0 : 100 } });

const fronts = (ordered: ReturnType<typeof pareto.order>) =>
  Object.fromEntries(ordered.map((s) => [s.candidate.deployment.id, Number(/^front (\d+)/.exec(s.note!)![1])]));

describe('pareto', () => {
  it.each([
    ['cheap-slow and dear-fast are both optimal; dear-slow is dominated',
      [point('cheap-slow', 1, 1000), point('dear-fast', 5, 100), point('dear-slow', 5, 1000)],
      { 'cheap-slow': 1, 'dear-fast': 1, 'dear-slow': 2 }],
    ['quality alone keeps a deployment on the front',
      [point('cheap-fast', 1, 100, 0.5), point('dear-slow-smart', 5, 1000, 0.9)],
      { 'cheap-fast': 1, 'dear-slow-smart': 1 }],
    ['a chain gives one front each',
      [point('c', 3, 300), point('a', 1, 100), point('b', 2, 200)],
      { a: 1, b: 2, c: 3 }],
    ['unknown price and latency count as worst',
      [point('known', 2, 200), point('mystery', null, null)],
      { known: 1, mystery: 2 }],
  ])('%s', (_name, fleet, expected) => {
    const ordered = pareto.order(fleet, request(), context());
    expect(fronts(ordered)).toEqual(expected);
    const frontOf = ordered.map((s) => fronts(ordered)[s.candidate.deployment.id]!);
    expect(frontOf).toEqual([...frontOf].sort((x, y) => x - y));
  });

  it('breaks ties within a front by composite score', () => {
    const cheap = point('cheap-slow', 1, 1000);
    const fast = point('dear-fast', 2, 100);
    const costOnly = pareto.order([fast, cheap], request(), context(1, { weights: { cost: 1, latency: 0, successRate: 0, quality: 0 } }));
    const latencyOnly = pareto.order([cheap, fast], request(), context(1, { weights: { cost: 0, latency: 1, successRate: 0, quality: 0 } }));
    expect(ids(costOnly)).toEqual(['cheap-slow', 'dear-fast']);
    expect(ids(latencyOnly)).toEqual(['dear-fast', 'cheap-slow']);
  });

  it('is deterministic for a given seed', () => {
    const fleet = [point('a', 1, 100), point('b', 1, 100), point('c', 2, 50)];
    expect(ids(pareto.order(fleet, request(), context(9)))).toEqual(ids(pareto.order(fleet, request(), context(9))));
  });
});
