import type { QuotaMetric, QuotaPeriod, QuotaScope } from '@ai-router/contracts';
import { formatDollars } from '../../lib/dollars';
import { formatNumber } from '../../lib/format';

export const SCOPE_NAMES: Record<QuotaScope, string> = { org: 'Whole organisation', key: 'One API key', user: 'One member' };
export const METRIC_NAMES: Record<QuotaMetric, string> = { requests: 'Requests', tokens: 'Tokens', cost: 'Spend ($)' };
export const PERIOD_NAMES: Record<QuotaPeriod, string> = { minute: 'per minute', hour: 'per hour', day: 'per day', week: 'per week', month: 'per month' };

/** A limit or a usage figure in the quota's unit: dollars for spend, a count otherwise. */
export function formatAmount(metric: QuotaMetric, value: string): string {
  if (metric === 'cost') return formatDollars(value);
  return formatNumber(Number(value)) + (metric === 'tokens' ? ' tokens' : ' requests');
}
