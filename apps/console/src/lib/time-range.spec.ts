import type { UsageBucket } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { fillBuckets, rangeBounds } from './time-range';

const bucket = (group: string, requests: number): UsageBucket => ({
  group, requests, errors: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, images: 0, cost: '0', p50LatencyMs: null, p95LatencyMs: null,
});

describe('time ranges', () => {
  it('starts a 7-day window at a whole day, so it holds exactly 7 day buckets', () => {
    const now = Date.parse('2026-11-23T10:30:00Z');
    const { from, to } = rangeBounds('7d', now);
    expect(from).toBe('2026-11-17T00:00:00.000Z');
    expect(fillBuckets([], from, to, 'day')).toHaveLength(7);
    expect(fillBuckets([], ...Object.values(rangeBounds('24h', now)) as [string, string], 'hour')).toHaveLength(24);
  });

  it('keeps the API buckets and fills the missing times with zeros', () => {
    const filled = fillBuckets([bucket('2026-11-18T00:00:00Z', 4)], '2026-11-17T00:00:00Z', '2026-11-19T05:00:00Z', 'day');
    expect(filled.map((b) => [b.group, b.requests])).toEqual([
      ['2026-11-17T00:00:00Z', 0],
      ['2026-11-18T00:00:00Z', 4],
      ['2026-11-19T00:00:00Z', 0],
    ]);
  });
});
