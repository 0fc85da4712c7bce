import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeasedBucketStore } from './leased-bucket.store';
import type { AdmitResult, LeaseAsk, LeaseReturn, LeaseSource, LeasingAdmitResult, LimitScope } from './token-buckets';

/** Shared buckets as the Redis script keeps them (time stands still), granting leases by the same share rule. */
class FakeSource implements LeaseSource {
  readonly levels = new Map<string, number>();
  calls = 0;
  releases = 0;
  readonly returned: LeaseReturn[] = [];

  admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult> {
    return this.admitLeasing(scopes, tokens, now, scopes.map(() => ({ requests: 0, tokens: 0 })));
  }

  async admitLeasing(scopes: LimitScope[], tokens: number, _now: number, asks: LeaseAsk[]): Promise<LeasingAdmitResult> {
    this.calls++;
    // answers come back in the order the calls went out, like replies on one Redis connection
    await new Promise((resolve) => setImmediate(resolve));
    for (const { id, limits } of scopes) {
      if (limits.rpm && this.level(`${id}:rpm`, limits.rpm) < 1) return { admitted: false, scope: id, limit: 'rpm', retryAfterMs: 1000 };
      if (limits.tpm && this.level(`${id}:tpm`, limits.tpm) < tokens) return { admitted: false, scope: id, limit: 'tpm', retryAfterMs: 1000 };
    }
    const take = (key: string, limit: number, amount: number, ask: number) => {
      const after = this.level(key, limit) - amount;
      const lease = Math.min(ask, Math.max(0, Math.floor(after * 0.1)));
      this.levels.set(key, after - lease);
      return { after, lease };
    };
    const taken = scopes.map(({ id, limits }, i) => ({
      rpm: limits.rpm ? take(`${id}:rpm`, limits.rpm, 1, asks[i]!.requests) : null,
      tpm: limits.tpm ? take(`${id}:tpm`, limits.tpm, tokens, asks[i]!.tokens) : null,
    }));
    return {
      admitted: true,
      remaining: scopes.map(({ id, limits }, i) => ({
        scope: id,
        requests: taken[i]!.rpm && { limit: limits.rpm!, remaining: taken[i]!.rpm!.after, resetMs: 0 },
        tokens: taken[i]!.tpm && { limit: limits.tpm!, remaining: taken[i]!.tpm!.after, resetMs: 0 },
      })),
      leases: taken.map((t) => ({ requests: t.rpm?.lease ?? 0, tokens: t.tpm?.lease ?? 0 })),
    };
  }

  async release(): Promise<void> {
    this.releases++;
  }

  async giveBack(returns: LeaseReturn[]): Promise<void> {
    this.returned.push(...returns);
    for (const r of returns) {
      if (r.limits.rpm) this.levels.set(`${r.scope}:rpm`, this.level(`${r.scope}:rpm`, r.limits.rpm) + r.requests);
      if (r.limits.tpm) this.levels.set(`${r.scope}:tpm`, this.level(`${r.scope}:tpm`, r.limits.tpm) + r.tokens);
    }
  }

  private level(key: string, limit: number): number {
    return this.levels.get(key) ?? limit;
  }
}

const admittedCount = (results: AdmitResult[]) => results.filter((r) => r.admitted).length;

describe('LeasedBucketStore', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('admits steady traffic under a large limit with far fewer shared calls than requests', async () => {
    const source = new FakeSource();
    const store = new LeasedBucketStore(source);
    const scopes = [{ id: 'key:a', limits: { rpm: 10_000_000, tpm: 1_000_000_000 } }, { id: 'org:o', limits: { rpm: 10_000_000 } }];
    for (let i = 0; i < 2000; i++) expect((await store.admit(scopes, 50, i)).admitted).toBe(true);
    expect(source.calls).toBeLessThan(200);
    await store.close();
  });

  it('never admits more than the shared bucket across instances, and exactly that under a burst', async () => {
    const source = new FakeSource();
    const instances = [new LeasedBucketStore(source), new LeasedBucketStore(source)];
    const scopes = [{ id: 'org:o', limits: { rpm: 50 } }];
    const warm: AdmitResult[] = [];
    for (let i = 0; i < 10; i++) for (const store of instances) warm.push(await store.admit(scopes, 0, i));
    const burst = await Promise.all(Array.from({ length: 200 }, (_, i) => instances[i % 2]!.admit(scopes, 0, 20)));
    expect(admittedCount(warm) + admittedCount(burst)).toBe(50);
    await Promise.all(instances.map((s) => s.close()));
  });

  it('admits from a lease granted to an earlier call when the shared bucket refuses a later one', async () => {
    const source = new FakeSource();
    const store = new LeasedBucketStore(source);
    const scopes = [{ id: 'key:a', limits: { rpm: 30 } }];
    for (let i = 0; i < 10; i++) await store.admit(scopes, 0, 0);
    const burst = await Promise.all(Array.from({ length: 40 }, () => store.admit(scopes, 0, 0)));
    expect(10 + admittedCount(burst)).toBe(30);
  });

  it('keeps a scope with a concurrency limit exact: one shared call each way per request', async () => {
    const source = new FakeSource();
    const store = new LeasedBucketStore(source);
    const scopes = [{ id: 'key:a', limits: { rpm: 1000 } }, { id: 'org:o', limits: { concurrency: 10 } }];
    for (let i = 0; i < 5; i++) {
      await store.admit(scopes, 0, i);
      await store.release(scopes, 7, i);
    }
    expect(source.calls).toBe(5);
    expect(source.releases).toBe(5);
  });

  it('settles token corrections locally, gives debts and expired leases back in batches, and all on close', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const source = new FakeSource();
    const store = new LeasedBucketStore(source);
    const scopes = [{ id: 'key:a', limits: { rpm: 1000, tpm: 100_000 } }];
    for (let i = 0; i < 20; i++) {
      expect((await store.admit(scopes, 100, Date.now())).admitted).toBe(true);
      await store.release(scopes, -40, Date.now());
    }
    await store.release(scopes, 50_000, Date.now());
    expect(source.releases).toBe(0);
    await vi.advanceTimersByTimeAsync(60);
    expect(source.returned).toHaveLength(1);
    expect(source.returned[0]!.tokens).toBeLessThan(0);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(source.levels.get('key:a:rpm')).toBe(1000 - 20);
    expect(source.levels.get('key:a:tpm')).toBe(100_000 - 20 * 100 + 20 * 40 - 50_000);
    await store.admit(scopes, 100, Date.now());
    await store.close();
    expect(source.levels.get('key:a:rpm')).toBe(1000 - 21);
    expect(source.levels.get('key:a:tpm')).toBe(100_000 - 21 * 100 + 20 * 40 - 50_000);
  });

  it('tells the level Redis last reported less what was admitted here since', async () => {
    const source = new FakeSource();
    const store = new LeasedBucketStore(source);
    const scopes = [{ id: 'key:a', limits: { rpm: 100 } }];
    const requests = async () => {
      const r = await store.admit(scopes, 0, 0);
      return r.admitted ? r.remaining[0]!.requests!.remaining : null;
    };
    for (let i = 0; i < 10; i++) await requests();
    const [first, second] = [await requests(), await requests()];
    expect(second).toBe(first! - 1);
    await store.close();
  });
});
