import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { AuditService } from '../audit/audit.service';
import type { ClusterEvent, ClusterEventsService } from '../cluster/cluster-events.service';
import type { RouteAccount } from '../router/route.types';
import type { DataSource } from 'typeorm';
import { KeyPoolService } from './key-pool.service';

function pool(): KeyPoolService {
  const listeners: ((e: ClusterEvent) => void)[] = [];
  const events = {
    publish: async (e: ClusterEvent) => listeners.forEach((l) => l(e)),
    subscribe: (l: (e: ClusterEvent) => void) => (listeners.push(l), () => undefined),
  } as unknown as ClusterEventsService;
  // Selection never touches the database or the audit log; only `disable` does.
  return new KeyPoolService({} as DataSource, events, {} as AuditService, pino({ level: 'silent' }));
}

const account = (keys: { id: string; rpmLimit?: number }[]): RouteAccount => ({
  id: 'a', name: 'a', kind: 'openai', baseUrl: 'http://x', vendor: null, settings: {}, headers: {},
  keys: keys.map((k) => ({ id: k.id, secret: 's', rpmLimit: k.rpmLimit ?? null, tpmLimit: null })),
});

describe('KeyPoolService', () => {
  it('takes turns among equally healthy keys', () => {
    const p = pool();
    const a = account([{ id: 'k1' }, { id: 'k2' }]);
    expect([p.pick(a)!.id, p.pick(a)!.id, p.pick(a)!.id, p.pick(a)!.id]).toEqual(['k1', 'k2', 'k1', 'k2']);
  });

  it('uses a degraded key only when no healthy key is left', async () => {
    const p = pool();
    const a = account([{ id: 'bad' }, { id: 'good' }]);
    for (let i = 0; i < 6; i++) p.recordFailure('bad');
    for (let i = 0; i < 6; i++) p.recordSuccess('good', 100);
    expect(new Set(Array.from({ length: 6 }, () => p.pick(a)!.id))).toEqual(new Set(['good']));
    await p.cooldown('good', 30);
    expect(p.pick(a)!.id).toBe('bad');
  });

  it('prefers the faster of two healthy keys', () => {
    const p = pool();
    const a = account([{ id: 'slow' }, { id: 'fast' }]);
    p.recordSuccess('slow', 4_000);
    p.recordSuccess('fast', 200);
    expect(Array.from({ length: 4 }, () => p.pick(a)!.id)).toEqual(['fast', 'fast', 'fast', 'fast']);
  });

  it('keeps a key under its requests-per-minute limit and says when one frees up', () => {
    const p = pool();
    const a = account([{ id: 'k', rpmLimit: 2 }]);
    const t0 = 1_000_000;
    expect(p.pick(a, t0)).not.toBeNull();
    expect(p.pick(a, t0 + 1)).not.toBeNull();
    expect(p.pick(a, t0 + 2)).toBeNull();
    expect(p.secondsUntilReady(a, t0 + 2)).toBe(60);
    expect(p.pick(a, t0 + 60_001)).not.toBeNull();
  });

  it('rests a rate-limited key for its Retry-After', async () => {
    const p = pool();
    const a = account([{ id: 'k' }]);
    await p.cooldown('k', 2);
    expect(p.pick(a)).toBeNull();
    expect(p.secondsUntilReady(a)).toBe(2);
  });

  it('reports each key as healthy, degraded or cooling down', async () => {
    const p = pool();
    for (let i = 0; i < 6; i++) p.recordFailure('bad');
    await p.cooldown('resting', 30);
    expect([p.health('fresh'), p.health('bad'), p.health('resting')]).toEqual(['healthy', 'degraded', 'cooling_down']);
    expect(p.health('resting', Date.now() + 31_000)).toBe('healthy');
  });
});
