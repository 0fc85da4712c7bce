import { describe, expect, it } from 'vitest';
import { MemoryBucketStore } from './memory-bucket.store';

describe('MemoryBucketStore', () => {
  it('admits up to the per-minute limit, then refills linearly', async () => {
    const store = new MemoryBucketStore();
    const scopes = [{ id: 'key:a', limits: { rpm: 3 } }];
    for (let i = 0; i < 3; i++) expect((await store.admit(scopes, 0, 0)).admitted).toBe(true);
    const refused = await store.admit(scopes, 0, 0);
    expect(refused).toMatchObject({ admitted: false, limit: 'rpm', retryAfterMs: 20_000 });
    expect((await store.admit(scopes, 0, 20_000)).admitted).toBe(true);
  });

  it('takes nothing from any scope when one scope refuses', async () => {
    const store = new MemoryBucketStore();
    const key = { id: 'key:a', limits: { rpm: 10 } };
    const org = { id: 'org:o', limits: { rpm: 1 } };
    expect((await store.admit([key, org], 0, 0)).admitted).toBe(true);
    expect((await store.admit([key, org], 0, 0)).admitted).toBe(false);
    const alone = await store.admit([key], 0, 0);
    expect(alone.admitted && alone.remaining[0]!.requests!.remaining).toBe(8);
  });

  it('bounds requests in flight and frees the slot on release', async () => {
    const store = new MemoryBucketStore();
    const scopes = [{ id: 'key:a', limits: { concurrency: 1 } }];
    expect((await store.admit(scopes, 0, 0)).admitted).toBe(true);
    expect(await store.admit(scopes, 0, 0)).toMatchObject({ admitted: false, limit: 'concurrency' });
    await store.release(scopes, 0, 0);
    expect((await store.admit(scopes, 0, 0)).admitted).toBe(true);
  });

  it('charges tokens beyond the estimate as debt that delays the next request', async () => {
    const store = new MemoryBucketStore();
    const scopes = [{ id: 'key:a', limits: { tpm: 1000 } }];
    expect((await store.admit(scopes, 100, 0)).admitted).toBe(true);
    await store.release(scopes, 1400, 0);
    expect(await store.admit(scopes, 100, 0)).toMatchObject({ admitted: false, limit: 'tpm' });
  });
});
