import { describe, expect, it } from 'vitest';
import { orderCandidates, parseModelRef } from './deployment-selector';
import type { RouteDeployment, RouteModel } from './route.types';

const deployment = (id: string, priority: number, weight: number, name = 'acct', kind: 'openai' | 'anthropic' = 'openai'): RouteDeployment => ({
  id, priority, weight, upstreamModel: id, quality: null,
  account: { id: `a-${id}`, name, kind, baseUrl: 'http://x', vendor: null, settings: {}, headers: {}, keys: [{ id: 'k', secret: 's', rpmLimit: null, tpmLimit: null }] },
});
const model = (...deployments: RouteDeployment[]): RouteModel => ({ id: 'm', name: 'm', createdAt: 0, deployments, fallbacks: [], routing: { name: 'priority-failover', options: {}, rules: [] }, price: null });

describe('parseModelRef', () => {
  it('splits a provider pin', () => {
    expect(parseModelRef('gpt-4o:openai')).toEqual({ model: 'gpt-4o', pin: 'openai' });
    expect(parseModelRef('gpt-4o')).toEqual({ model: 'gpt-4o', pin: null });
  });
});

describe('orderCandidates', () => {
  it('tries primaries before backups', () => {
    const order = orderCandidates(model(deployment('backup', 1, 1), deployment('primary', 0, 1)), null);
    expect(order.map((d) => d.id)).toEqual(['primary', 'backup']);
  });

  it('spreads by weight within a priority', () => {
    const m = model(deployment('heavy', 0, 3), deployment('light', 0, 1));
    const firsts = { heavy: 0, light: 0 };
    for (let i = 0; i < 4000; i++) firsts[orderCandidates(m, null)[0]!.id as 'heavy' | 'light']++;
    expect(firsts.heavy / 4000).toBeGreaterThan(0.7);
    expect(firsts.heavy / 4000).toBeLessThan(0.8);
  });

  it('keeps zero-weight deployments as the last resort', () => {
    const order = orderCandidates(model(deployment('spare', 0, 0), deployment('main', 0, 5)), null);
    expect(order.map((d) => d.id)).toEqual(['main', 'spare']);
  });

  it('pins by account name or kind', () => {
    const m = model(deployment('o', 0, 1, 'my-openai', 'openai'), deployment('c', 0, 1, 'claude', 'anthropic'));
    expect(orderCandidates(m, 'anthropic').map((d) => d.id)).toEqual(['c']);
    expect(orderCandidates(m, 'my-openai').map((d) => d.id)).toEqual(['o']);
    expect(orderCandidates(m, 'nope')).toEqual([]);
  });
});
