import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { STRATEGY_NAMES, strategyConfigSchema } from '@ai-router/contracts';
import { getStrategy } from './registry';

// A varied fleet so every strategy has something to decide: priorities, weights, prices, signals, unknowns.
const fleet = () => [
  candidate('a', { priority: 0, weight: 3, price: [1, 2], quality: 0.8, signals: { inFlight: 2, latencyEwmaMs: 300, ttftEwmaMs: 80, successRate: 0.98, samples: 400 } }),
  candidate('b', { priority: 0, weight: 1, price: [0.5, 1], quality: 0.6, signals: { inFlight: 0, latencyEwmaMs: 900, ttftEwmaMs: 200, successRate: 0.9, samples: 50 } }),
  candidate('c', { priority: 1, weight: 0, price: null, signals: { inFlight: 1, latencyEwmaMs: 150, successRate: 1, samples: 3 } }),
  candidate('d', { priority: 1, weight: 2, price: [0, 0], quality: 0.3 }),
  candidate('e', { priority: 2, weight: 1, price: [4, 8], quality: 1, signals: { inFlight: 5, latencyEwmaMs: 200, successRate: 0.999, samples: 5000 } }),
];

describe.each(STRATEGY_NAMES)('%s (contract)', (name) => {
  const strategy = getStrategy(name);

  it('is registered under its own name', () => {
    expect(strategy.name).toBe(name);
  });

  it.each([null, 'user-1'])('returns every candidate exactly once, scored and explained (sticky key %s)', (stickyKey) => {
    const ordered = strategy.order(fleet(), request({ stickyKey }), context());
    expect(ids(ordered).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const s of ordered) expect(s.note).toEqual(expect.any(String));
  });

  it('replays the same orders from the same seed, and does not mutate its input', () => {
    const input = fleet();
    const snapshot = structuredClone(input);
    const run = () => {
      const ctx = context(42);
      return Array.from({ length: 25 }, (_, i) => ids(strategy.order(input, request({ stickyKey: i % 2 ? `k${i}` : null }), ctx)).join(''));
    };
    expect(run()).toEqual(run());
    expect(input).toEqual(snapshot);
  });

  it('handles no candidates and one candidate', () => {
    expect(strategy.order([], request(), context())).toEqual([]);
    expect(ids(strategy.order([candidate('only')], request(), context()))).toEqual(['only']);
  });
});

describe('strategyConfigSchema', () => {
  it('fills defaults', () => {
    expect(strategyConfigSchema.parse({})).toEqual({ name: 'priority-failover', options: {}, rules: [] });
  });

  it('accepts a full config', () => {
    const config = {
      name: 'composite',
      options: { weights: { cost: 2, latency: 1 }, preferFree: true, ttftShare: 0.7, exploreRate: 0.02 },
      rules: [
        { name: 'free quota first', when: { tag: 'batch' }, then: { options: { preferFree: true } } },
        { when: { header: { name: 'user-agent', matches: '^curl/' }, maxPromptChars: 2000 }, then: { model: 'small', strategy: 'lowest-cost' } },
      ],
    };
    expect(strategyConfigSchema.parse(config)).toEqual(config);
  });

  it.each([
    ['an unknown strategy', { name: 'fastest' }],
    ['an unknown option', { options: { turbo: true } }],
    ['all weights zero', { options: { weights: { cost: 0, latency: 0, successRate: 0, quality: 0 } } }],
    ['a share above 1', { options: { ttftShare: 1.5 } }],
    ['an invalid regex', { rules: [{ when: { header: { name: 'x', matches: '(' } }, then: { strategy: 'random' } }] }],
    ['equals and matches together', { rules: [{ when: { header: { name: 'x', equals: 'a', matches: 'a' } }, then: { strategy: 'random' } }] }],
    ['min above max', { rules: [{ when: { minPromptChars: 10, maxPromptChars: 5 }, then: { strategy: 'random' } }] }],
    ['a rule that changes nothing', { rules: [{ when: { tag: 'x' }, then: {} }] }],
    ['an unknown strategy in a rule', { rules: [{ when: {}, then: { strategy: 'conditional' } }] }],
  ])('rejects %s', (_name, input) => {
    expect(strategyConfigSchema.safeParse(input).success).toBe(false);
  });
});
