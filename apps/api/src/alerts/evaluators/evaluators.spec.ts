import { describe, expect, it } from 'vitest';
import { alertRuleParamsSchemas } from '@ai-router/contracts';
import { judgeErrorRate } from './error-rate.evaluator';
import { judgeKeysDisabled } from './key-disabled.evaluator';
import { judgeLatency } from './latency.evaluator';
import { judgeBalance } from './low-balance.evaluator';
import { judgeProviderDown } from './provider-down.evaluator';
import { usageWindow } from './usage-window';

const errorRate = alertRuleParamsSchemas.error_rate.parse({ windowSeconds: 300, thresholdPercent: 5, minRequests: 20 });
const latency = alertRuleParamsSchemas.latency.parse({ windowSeconds: 60, percentile: 'p95', thresholdMs: 2000, minRequests: 5 });

describe('error_rate', () => {
  it('fires at or above the threshold', () => {
    expect(judgeErrorRate({ total: 100, failed: 5 }, errorRate)).toMatchObject({ breached: true, value: 5 });
    expect(judgeErrorRate({ total: 100, failed: 4 }, errorRate)).toMatchObject({ breached: false, value: 4 });
  });

  it('has no data below the minimum request count, however bad the few were', () => {
    const reading = judgeErrorRate({ total: 19, failed: 19 }, errorRate);
    expect(reading).toMatchObject({ breached: false, value: null });
    expect(reading.summary).toContain('fewer than the 20 needed');
  });

  it('says what it measured, over which window and scope', () => {
    const scoped = alertRuleParamsSchemas.error_rate.parse({ windowSeconds: 300, thresholdPercent: 5, model: 'gpt-x' });
    expect(judgeErrorRate({ total: 30, failed: 9 }, scoped).summary).toBe('error rate 30% (9 of 30 requests failed) over 5 min for model gpt-x; threshold 5%');
  });

  it('narrows the usage window to the rule scope, with parameters rather than text', () => {
    const now = new Date('2026-01-01T00:05:00Z');
    const { where, args } = usageWindow('org-1', { windowSeconds: 300, model: "x' OR 1=1", providerAccountId: 'acc' }, now);
    expect(where).toBe('org_id = $1 AND created_at > $2 AND created_at <= $3 AND status <> 499 AND model = $4 AND provider_account_id = $5');
    expect(args).toEqual(['org-1', new Date('2026-01-01T00:00:00Z'), now, "x' OR 1=1", 'acc']);
  });
});

describe('latency', () => {
  it('fires strictly above the threshold', () => {
    expect(judgeLatency({ total: 10, latencyMs: 2000.4 }, latency)).toMatchObject({ breached: false, value: 2000 });
    expect(judgeLatency({ total: 10, latencyMs: 2400 }, latency)).toMatchObject({ breached: true, value: 2400 });
  });

  it('has no data without enough successful requests', () => {
    expect(judgeLatency({ total: 4, latencyMs: 9000 }, latency)).toMatchObject({ breached: false, value: null });
    expect(judgeLatency({ total: 0, latencyMs: null }, latency)).toMatchObject({ breached: false, value: null });
  });
});

describe('provider_down', () => {
  it('counts accounts with no usable key or with every breaker open', () => {
    const reading = judgeProviderDown([
      { name: 'cooling', keysUsable: [false, false], breakersOpen: [false] },
      { name: 'failing-checks', keysUsable: [true], breakersOpen: [true, true] },
      { name: 'half-up', keysUsable: [false, true], breakersOpen: [true, false] },
      { name: 'keyless', keysUsable: [], breakersOpen: [] },
    ]);
    expect(reading).toMatchObject({ breached: true, value: 2 });
    expect(reading.summary).toContain('cooling, failing-checks');
  });

  it('is clear when every account can serve', () => {
    expect(judgeProviderDown([{ name: 'a', keysUsable: [true], breakersOpen: [false] }])).toMatchObject({ breached: false, value: 0 });
  });
});

describe('key_disabled', () => {
  it('fires while any key is disabled and names them by label and last four', () => {
    expect(judgeKeysDisabled([])).toMatchObject({ breached: false, value: 0 });
    const reading = judgeKeysDisabled([{ account: 'openai', label: 'primary', last4: 'abcd' }]);
    expect(reading).toEqual({ breached: true, value: 1, summary: '1 provider key disabled: openai/primary (…abcd)' });
  });
});

describe('low_balance', () => {
  const params = alertRuleParamsSchemas.low_balance.parse({ threshold: '5.00' });

  it('compares exact nano-dollars', () => {
    expect(judgeBalance({ billingEnabled: true, balanceNano: 4_999_999_999n }, params)).toMatchObject({ breached: true, value: '4.999999999' });
    expect(judgeBalance({ billingEnabled: true, balanceNano: 5_000_000_000n }, params)).toMatchObject({ breached: false, value: '5.000000000' });
  });

  it('watches nothing while billing is off', () => {
    expect(judgeBalance({ billingEnabled: false, balanceNano: 0n }, params)).toMatchObject({ breached: false, value: null });
  });
});
