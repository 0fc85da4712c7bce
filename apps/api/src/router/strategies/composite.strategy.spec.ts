import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { composite, compositeScores } from './composite.strategy';

const cheapSlow = candidate('cheap-slow', { price: [1, 1], quality: 0.5, signals: { latencyEwmaMs: 2000, successRate: 0.99, samples: 200 } });
const dearFast = candidate('dear-fast', { price: [4, 4], quality: 0.5, signals: { latencyEwmaMs: 200, successRate: 0.99, samples: 200 } });
const flaky = candidate('flaky', { price: [1, 1], quality: 0.5, signals: { latencyEwmaMs: 200, successRate: 0.5, samples: 200 } });
const smart = candidate('smart', { price: [4, 4], quality: 1, signals: { latencyEwmaMs: 2000, successRate: 0.99, samples: 200 } });
const fleet = [cheapSlow, dearFast, flaky, smart];

describe('composite', () => {
  it('normalises each part against the best candidate, 1 = best', () => {
    const scores = compositeScores([cheapSlow, dearFast, candidate('unpriced', { price: null })], request(), {});
    expect(scores.get(cheapSlow)!.parts).toEqual({ cost: 1, latency: 0.1, successRate: 1, quality: 0.5 });
    expect(scores.get(dearFast)!.parts).toMatchObject({ cost: 0.25, latency: 1 });
    expect(scores.get([...scores.keys()][2]!)!.parts).toEqual({ cost: 0, latency: 0.5, successRate: 0.5, quality: 0.5 });
  });

  it.each([
    [{ cost: 1, latency: 0, successRate: 0, quality: 0 }, ['cheap-slow', 'flaky']],
    [{ cost: 0, latency: 1, successRate: 0, quality: 0 }, ['dear-fast', 'flaky']],
    [{ cost: 0, latency: 0, successRate: 1, quality: 0 }, ['cheap-slow', 'dear-fast', 'smart']],
    [{ cost: 0, latency: 0, successRate: 0, quality: 1 }, ['smart']],
    [{ cost: 1, latency: 1, successRate: 1, quality: 0 }, ['dear-fast']],
  ])('weights %o lead with %j', (weights, leaders) => {
    const ordered = composite.order(fleet, request(), context(1, { weights }));
    expect(leaders).toContain(ids(ordered)[0]);
    expect(ids(ordered).slice(0, leaders.length).sort()).toEqual([...leaders].sort());
  });

  it('with default weights, prefers fast and reliable over cheap but flaky', () => {
    expect(ids(composite.order(fleet, request(), context()))[0]).toBe('dear-fast');
  });

  it('scores success by distance to the best: 25 points below scores 0', () => {
    const rated = (id: string, successRate: number) => candidate(id, { signals: { successRate, samples: 10_000 } });
    const [best, close, far] = [rated('best', 0.99), rated('close', 0.89), rated('far', 0.7)];
    const scores = compositeScores([best, close, far], request(), {});
    expect([best, close, far].map((c) => scores.get(c)!.parts.successRate)).toEqual([1, expect.closeTo(0.6, 2), 0]);
  });

  it('puts free quota first with preferFree, and only then', () => {
    const free = candidate('free', { price: [0, 0], quality: 0.1, signals: { latencyEwmaMs: 3000, successRate: 0.9, samples: 50 } });
    expect(ids(composite.order([...fleet, free], request(), context()))[0]).not.toBe('free');
    const ordered = composite.order([...fleet, free], request(), context(1, { preferFree: true }));
    expect(ids(ordered)[0]).toBe('free');
    expect(ordered[0]!.note).toMatch(/^free quota first; cost 1.00/);
  });

  it('is deterministic for a given seed', () => {
    const twins = [candidate('a'), candidate('b'), candidate('c')];
    expect(ids(composite.order(twins, request(), context(4)))).toEqual(ids(composite.order(twins, request(), context(4))));
  });
});
