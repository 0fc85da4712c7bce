import { describe, expect, it } from 'vitest';
import { candidate, context, ids, request } from './__fixtures__/candidates';
import { decide, explain } from './routing-decision';

describe('decide and explain', () => {
  const fleet = [
    candidate('backup', { priority: 1, weight: 1 }),
    candidate('primary', { priority: 0, weight: 2 }),
  ];

  it('runs the planned strategy with the planned options and carries the exclusions', () => {
    const decision = decide({ model: null, strategy: 'priority-failover', options: {} }, fleet, request(), context(), [
      { deploymentId: 'broken', reason: 'circuit breaker open' },
    ]);
    expect(decision.strategy).toBe('priority-failover');
    expect(decision.rule).toBeUndefined();
    expect(ids(decision.ordered)).toEqual(['primary', 'backup']);
    expect(explain(decision)).toEqual([
      'strategy priority-failover: 2 candidate(s), 1 excluded',
      'chosen: primary (acct-primary/up-primary), score 0 - priority 0, weight 2',
      'fallback 1: backup (acct-backup/up-backup), score 1 - priority 1, weight 1',
      'excluded broken: circuit breaker open',
    ]);
  });

  it('names the rule and says when nothing can serve', () => {
    const decision = decide({ model: 'other', strategy: 'random', options: {}, rule: 'night shift' }, [], request(), context(), [
      { deploymentId: 'only', reason: 'cooldown after 429 (12 s left)' },
    ]);
    expect(explain(decision)).toEqual([
      'strategy random (from night shift): 0 candidate(s), 1 excluded',
      'excluded only: cooldown after 429 (12 s left)',
      'no deployment can serve this request',
    ]);
  });
});
