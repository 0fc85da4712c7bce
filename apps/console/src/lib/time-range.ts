import type { UsageBucket, UsageGroup } from '@ai-router/contracts';

export const TIME_RANGES = {
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000, step: 'hour' },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000, step: 'day' },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3600_000, step: 'day' },
} as const satisfies Record<string, { label: string; ms: number; step: Extract<UsageGroup, 'hour' | 'day'> }>;

export type TimeRangeId = keyof typeof TIME_RANGES;

const STEP_MS = { hour: 3600_000, day: 24 * 3600_000 } as const;

/** The window ending now, its start floored to the step so every bucket of the chart is whole. */
export function rangeBounds(id: TimeRangeId, now = Date.now()): { from: string; to: string } {
  const { ms, step } = TIME_RANGES[id];
  const from = Math.floor((now - ms) / STEP_MS[step]) * STEP_MS[step] + STEP_MS[step];
  return { from: new Date(from).toISOString(), to: new Date(now).toISOString() };
}

/** An empty bucket for a time the API had no rows for. */
function emptyBucket(group: string): UsageBucket {
  return { group, requests: 0, errors: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, images: 0, cost: '0', p50LatencyMs: null, p95LatencyMs: null };
}

/** The API returns only the hours or days that had traffic; charts need every one in the window. */
export function fillBuckets(buckets: readonly UsageBucket[], from: string, to: string, step: 'hour' | 'day'): UsageBucket[] {
  const byTime = new Map(buckets.map((b) => [Date.parse(b.group), b]));
  const size = STEP_MS[step];
  const out: UsageBucket[] = [];
  for (let t = Math.floor(Date.parse(from) / size) * size; t < Date.parse(to); t += size) {
    out.push(byTime.get(t) ?? emptyBucket(new Date(t).toISOString().replace('.000Z', 'Z')));
  }
  return out;
}
