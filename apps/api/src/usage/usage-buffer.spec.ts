import { describe, expect, it } from 'vitest';
import { MemoryUsageBuffer } from './usage-buffer';
import type { UsageRecord } from './usage-record';

const record = (n: number) => ({ requestId: `r${n}` }) as UsageRecord;

describe('MemoryUsageBuffer', () => {
  it('hands out the same batch until it is acknowledged, then the next', async () => {
    const buffer = new MemoryUsageBuffer();
    for (let n = 0; n < 5; n++) buffer.push(record(n));
    expect((await buffer.take(3)).map((r) => r.requestId)).toEqual(['r0', 'r1', 'r2']);
    buffer.push(record(5));
    // The write failed: the same batch again, nothing lost, nothing reordered.
    expect((await buffer.take(3)).map((r) => r.requestId)).toEqual(['r0', 'r1', 'r2']);
    expect(buffer.backlog()).toBe(6);
    await buffer.ack();
    expect((await buffer.take(3)).map((r) => r.requestId)).toEqual(['r3', 'r4', 'r5']);
    await buffer.ack();
    expect(await buffer.take(3)).toEqual([]);
    expect(buffer.held()).toBe(0);
  });
});
