import { describe, expect, it } from 'vitest';
import { monthStart, partitionMonth, partitionName, planPartitions } from './usage-partitions';

const at = (iso: string) => new Date(iso);

describe('usage partitions', () => {
  it('names months in UTC and reads the names back; other tables are no month', () => {
    expect(partitionName(at('2026-04-30T23:59:59Z'))).toBe('usage_logs_2026_04');
    expect(partitionMonth('usage_logs_2026_04')).toEqual(at('2026-04-01T00:00:00Z'));
    expect(partitionMonth('usage_logs_default')).toBeNull();
    expect(monthStart(at('2026-11-15T12:00:00Z'), 2)).toEqual(at('2027-01-01T00:00:00Z'));
    expect(monthStart(at('2026-01-15T12:00:00Z'), -13)).toEqual(at('2024-12-01T00:00:00Z'));
  });

  it('creates the current month and two ahead, once', () => {
    const now = at('2026-11-23T10:00:00Z');
    expect(planPartitions(now, 13, ['usage_logs_default'], []).create.map(partitionName)).toEqual(['usage_logs_2026_11', 'usage_logs_2026_12', 'usage_logs_2027_01']);
    expect(planPartitions(now, 13, ['usage_logs_default', 'usage_logs_2026_11', 'usage_logs_2026_12', 'usage_logs_2027_01'], []).create).toEqual([]);
  });

  it('keeps retention months (current included), drops older partitions, and only creates months within retention', () => {
    const now = at('2026-11-23T10:00:00Z');
    const plan = planPartitions(now, 13, ['usage_logs_default', 'usage_logs_2025_10', 'usage_logs_2025_11', 'usage_logs_2026_11'], [at('2025-06-01T00:00:00Z'), at('2026-03-01T00:00:00Z')]);
    expect(plan.cutoff).toEqual(at('2025-11-01T00:00:00Z'));
    expect(plan.drop).toEqual(['usage_logs_2025_10']);
    expect(plan.create.map(partitionName)).toEqual(['usage_logs_2026_03', 'usage_logs_2026_12', 'usage_logs_2027_01']);
  });
});
