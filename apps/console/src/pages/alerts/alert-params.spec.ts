import { alertRuleParamsSchemas } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { formatAlertValue, initialParams, toParams } from './alert-params';

describe('alert rule params form', () => {
  it('starts a new rule with values its kind accepts', () => {
    for (const kind of ['error_rate', 'latency', 'low_balance', 'budget_threshold', 'spend_anomaly'] as const) {
      expect(alertRuleParamsSchemas[kind].safeParse(toParams(kind, initialParams(kind))).success, kind).toBe(true);
    }
  });

  it('sends numbers as numbers and leaves blanks out', () => {
    expect(toParams('error_rate', { thresholdPercent: '12.5', windowSeconds: '60', minRequests: '', model: ' ', providerAccountId: '' })).toEqual({ thresholdPercent: 12.5, windowSeconds: 60 });
    expect(toParams('low_balance', { threshold: '5.50' })).toEqual({ threshold: '5.50' });
  });

  it('shows a stored rule as typed, without its defaults', () => {
    expect(initialParams('low_balance', { threshold: '25.000000000' })).toEqual({ threshold: '25.00' });
    expect(initialParams('budget_threshold', { percent: 90 })).toEqual({ quotaId: '', percent: '90' });
  });

  it('formats the last value in the unit of the kind', () => {
    expect(formatAlertValue('error_rate', 12.345)).toBe('12.35%');
    expect(formatAlertValue('latency', 1200.4)).toBe('1200 ms');
    expect(formatAlertValue('low_balance', '3.500000000')).toBe('$3.50');
    expect(formatAlertValue('key_disabled', null)).toBe('—');
  });
});
