import type { AlertRuleKind, AlertState } from '@ai-router/contracts';
import type { Tone } from '../../components/badge';
import { editableDollars, formatDollars } from '../../lib/dollars';
import { formatNumber } from '../../lib/format';
import { optionalNumber, optionalText } from '../../lib/zod-form';

/** One setting of a rule kind's `params`. Pickers list the org's provider accounts or budgets. */
export interface ParamField {
  name: string;
  label: string;
  type: 'number' | 'text' | 'dollars' | 'percentile' | 'provider' | 'budget';
  hint?: string;
  /** What a new rule starts with. */
  initial?: string;
}

const windowFields: ParamField[] = [
  { name: 'windowSeconds', label: 'Window (seconds)', type: 'number', initial: '300', hint: 'Requests of this many last seconds are judged.' },
  { name: 'minRequests', label: 'Minimum requests', type: 'number', initial: '10', hint: 'Fewer requests in the window: no data, no alert.' },
  { name: 'model', label: 'Model (optional)', type: 'text', hint: 'Only requests for this public model name.' },
  { name: 'providerAccountId', label: 'Provider account', type: 'provider' },
];
const providerOnly: ParamField[] = [{ name: 'providerAccountId', label: 'Provider account', type: 'provider' }];

export const PARAM_FIELDS: Record<AlertRuleKind, ParamField[]> = {
  error_rate: [{ name: 'thresholdPercent', label: 'Error rate at least (%)', type: 'number', initial: '5', hint: 'Failures at the provider: 5xx, 408 and 429.' }, ...windowFields],
  latency: [
    { name: 'percentile', label: 'Percentile', type: 'percentile', initial: 'p95' },
    { name: 'thresholdMs', label: 'Latency above (ms)', type: 'number', initial: '2000' },
    ...windowFields,
  ],
  provider_down: providerOnly,
  key_disabled: providerOnly,
  low_balance: [{ name: 'threshold', label: 'Balance below (dollars)', type: 'dollars', initial: '10.00', hint: 'Dollars, like 10.00.' }],
  spend_anomaly: [],
  budget_threshold: [
    { name: 'quotaId', label: 'Budget', type: 'budget' },
    { name: 'percent', label: 'At or above (% of its limit)', type: 'number', initial: '80' },
  ],
};

export const KIND_LABELS: Record<AlertRuleKind, string> = {
  error_rate: 'Error rate', latency: 'Latency', provider_down: 'Provider down', key_disabled: 'Provider key disabled',
  low_balance: 'Low balance', spend_anomaly: 'Spend anomaly', budget_threshold: 'Budget threshold',
};

export const KIND_HINTS: Record<AlertRuleKind, string> = {
  error_rate: 'Fires while too many requests fail at the provider.',
  latency: 'Fires while successful requests are slower than a threshold.',
  provider_down: 'Fires while a provider account has no usable key, or every deployment of it is failing.',
  key_disabled: 'Fires while any provider key is disabled.',
  low_balance: 'Fires while the prepaid balance is below a threshold.',
  spend_anomaly: "Fires when the last hour's spend is far above the usual (the Cost page's anomaly settings).",
  budget_threshold: 'Fires while a budget has used a share of its limit in its current window.',
};

export const STATE_TONE: Record<AlertState, Tone> = { ok: 'success', pending: 'warning', firing: 'danger' };

/** Form values of the params, by name; strings as typed. */
export type ParamValues = Record<string, string>;

export function initialParams(kind: AlertRuleKind, params?: Record<string, unknown>): ParamValues {
  const values: ParamValues = {};
  for (const f of PARAM_FIELDS[kind]) {
    const stored = params?.[f.name];
    if (stored === undefined || stored === null) values[f.name] = params ? '' : (f.initial ?? '');
    else values[f.name] = f.type === 'dollars' ? editableDollars(String(stored)) : String(stored);
  }
  return values;
}

/** Form values to the API's `params`: numbers as numbers, blanks left out (the schema says which are required). */
export function toParams(kind: AlertRuleKind, values: ParamValues): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const f of PARAM_FIELDS[kind]) {
    const raw = values[f.name] ?? '';
    const value = f.type === 'number' ? optionalNumber(raw) : optionalText(raw);
    if (value !== undefined) params[f.name] = value;
  }
  return params;
}

/** A rule's last measured value in its kind's unit. */
export function formatAlertValue(kind: AlertRuleKind, value: number | string | null): string {
  if (value === null) return '—';
  const n = Number(value);
  switch (kind) {
    case 'error_rate':
    case 'budget_threshold':
      return `${Math.round(n * 100) / 100}%`;
    case 'latency':
      return `${Math.round(n)} ms`;
    case 'provider_down':
      return `${formatNumber(n)} down`;
    case 'key_disabled':
      return `${formatNumber(n)} disabled`;
    case 'low_balance':
    case 'spend_anomaly':
      return formatDollars(String(value));
  }
}
