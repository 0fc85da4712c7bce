import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { planRoute, ruleMatches, type RoutingRule, type RuleCondition, type StrategyConfig } from './conditional-rules';
import { decide } from './routing-decision';
import type { RequestFeatures } from './routing-strategy';

const features = (overrides: Partial<RequestFeatures> = {}): RequestFeatures => ({
  tags: ['batch'], headers: { 'x-team': 'search', 'user-agent': 'openai-python/1.40' }, metadata: { tier: 'free', env: 'prod' },
  promptChars: 5000, hasTools: false, hasImages: true, ...overrides,
});

describe('ruleMatches', () => {
  it.each<[string, RuleCondition, boolean]>([
    ['empty condition (catch-all)', {}, true],
    ['tag present', { tag: 'batch' }, true],
    ['tag absent', { tag: 'interactive' }, false],
    ['header equals, name case-insensitive', { header: { name: 'X-Team', equals: 'search' } }, true],
    ['header equals is exact', { header: { name: 'x-team', equals: 'Search' } }, false],
    ['header matches a regex', { header: { name: 'user-agent', matches: '^openai-python/' } }, true],
    ['header regex misses', { header: { name: 'user-agent', matches: 'node' } }, false],
    ['header presence', { header: { name: 'x-team' } }, true],
    ['missing header', { header: { name: 'x-other' } }, false],
    ['all metadata keys equal', { metadata: { tier: 'free', env: 'prod' } }, true],
    ['one metadata key differs', { metadata: { tier: 'free', env: 'dev' } }, false],
    ['inherited keys are not metadata', { metadata: { toString: 'x' } }, false],
    ['prompt within bounds', { minPromptChars: 5000, maxPromptChars: 5000 }, true],
    ['prompt too short', { minPromptChars: 5001 }, false],
    ['prompt too long', { maxPromptChars: 4999 }, false],
    ['tools required', { hasTools: true }, false],
    ['images required', { hasImages: true }, true],
    ['every field must hold', { tag: 'batch', hasImages: true, hasTools: true }, false],
  ])('%s -> %s', (_name, when, expected) => {
    expect(ruleMatches(when, features())).toBe(expected);
  });
});

describe('planRoute', () => {
  const config: StrategyConfig = {
    name: 'priority-failover',
    options: { weights: { cost: 0.5 }, exploreRate: 0.1 },
    rules: [
      { name: 'vision to a bigger model', when: { hasImages: true, tag: 'vision' }, then: { model: 'gpt-4o' } },
      { when: { header: { name: 'x-team', equals: 'search' } }, then: { strategy: 'lowest-latency', options: { weights: { latency: 0.9 } } } },
      { name: 'everything else', when: {}, then: { strategy: 'round-robin' } },
    ],
  };

  it('uses the config when no rule matches', () => {
    expect(planRoute({ ...config, rules: [] }, features())).toEqual({ model: null, strategy: 'priority-failover', options: config.options });
  });

  it('first match wins, options merge over the config, unnamed rules get their position', () => {
    expect(planRoute(config, features())).toEqual({
      model: null, strategy: 'lowest-latency', rule: 'rule 2',
      options: { weights: { cost: 0.5, latency: 0.9 }, exploreRate: 0.1 },
    });
  });

  it('switches the model and keeps the strategy', () => {
    expect(planRoute(config, features({ tags: ['vision'] }))).toMatchObject({ model: 'gpt-4o', strategy: 'priority-failover', rule: 'vision to a bigger model' });
  });

  it('example "free quota first": batch traffic goes to zero-price deployments while they are available', () => {
    const freeFirst: RoutingRule = { name: 'free quota first', when: { tag: 'batch' }, then: { strategy: 'composite', options: { preferFree: true } } };
    const plan = planRoute({ name: 'composite', options: {}, rules: [freeFirst] }, features());
    const fast = candidate('paid-fast', { price: [1, 2], signals: { latencyEwmaMs: 100, successRate: 1, samples: 100 } });
    const free = candidate('free-tier', { price: [0, 0], signals: { latencyEwmaMs: 900, successRate: 0.95, samples: 100 } });
    const decision = decide(plan, [fast, free], request(), context());
    expect(ids(decision.ordered)).toEqual(['free-tier', 'paid-fast']);
    expect(decision.rule).toBe('free quota first');
    // Without the rule the paid deployment leads: the free one is only preferred because of preferFree.
    expect(ids(decide({ ...plan, options: {} }, [fast, free], request(), context()).ordered)).toEqual(['paid-fast', 'free-tier']);
  });
});
