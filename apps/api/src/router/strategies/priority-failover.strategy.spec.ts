import { describe, expect, it } from 'vitest';
import { orderCandidates } from '../deployment-selector';
import { candidate, context, firstPicks, ids, request, seededRandom } from './__fixtures__/candidates';
import { priorityFailover } from './priority-failover.strategy';

describe('priority-failover', () => {
  it.each([
    ['primaries before backups', [candidate('backup', { priority: 1 }), candidate('primary', { priority: 0 })], ['primary', 'backup']],
    ['zero weight last within its priority', [candidate('spare', { weight: 0 }), candidate('main', { weight: 5 })], ['main', 'spare']],
    ['a zero-weight primary still before backups', [candidate('backup', { priority: 2 }), candidate('spare', { weight: 0 })], ['spare', 'backup']],
  ])('%s', (_name, fleet, expected) => {
    expect(ids(priorityFailover.order(fleet, request(), context()))).toEqual(expected);
  });

  it('spreads by weight within a priority', () => {
    const counts = firstPicks(priorityFailover, [candidate('heavy', { weight: 3 }), candidate('light', { weight: 1 })], 4000);
    expect(counts.heavy! / 4000).toBeCloseTo(0.75, 1);
  });

  it('gives exactly the order of deployment-selector.ts for the same random stream', () => {
    const fleet = [
      candidate('a', { priority: 1, weight: 2 }), candidate('b', { priority: 0, weight: 1 }), candidate('c', { priority: 0, weight: 3 }),
      candidate('d', { priority: 0, weight: 0 }), candidate('e', { priority: 1, weight: 5 }),
    ];
    const model = { id: 'm', name: 'm', createdAt: 0, deployments: fleet.map((c) => c.deployment), fallbacks: [] };
    for (let seed = 1; seed <= 50; seed++) {
      const expected = orderCandidates(model, null, seededRandom(seed)).map((d) => d.id);
      expect(ids(priorityFailover.order(fleet, request(), context(seed)))).toEqual(expected);
    }
  });

  it('scores by priority and notes the weight', () => {
    const [first] = priorityFailover.order([candidate('a', { priority: 2, weight: 0 })], request(), context());
    expect(first).toMatchObject({ score: 2, note: 'priority 2, weight 0 (last resort)' });
  });
});
