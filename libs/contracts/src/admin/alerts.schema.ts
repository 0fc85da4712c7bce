import { z } from 'zod';
import { dollarsSchema } from './billing.schema';

/**
 * What an alert rule watches. A new kind is one entry in `alertRuleParamsSchemas` plus one evaluator
 * file in the API (`apps/api/src/alerts/evaluators/`); the engine itself does not change.
 */
const window = {
  /** Requests of the last `windowSeconds` are judged. */
  windowSeconds: z.number().int().min(1).max(7 * 86_400),
  /** Below this many requests in the window the rule has no data and does not fire. */
  minRequests: z.number().int().min(1).max(1_000_000).default(10),
  /** Only requests for this public model name. */
  model: z.string().trim().min(1).max(200).optional(),
  /** Only requests served by this provider account. */
  providerAccountId: z.uuid().optional(),
};

export const alertRuleParamsSchemas = {
  /** Percent of requests that failed at the provider (5xx, 408, 429) over the window. */
  error_rate: z.strictObject({ ...window, thresholdPercent: z.number().gt(0).max(100) }),
  /** A latency percentile of successful requests over the window above `thresholdMs`. */
  latency: z.strictObject({ ...window, percentile: z.enum(['p50', 'p95', 'p99']), thresholdMs: z.number().int().min(1).max(3_600_000) }),
  /** Every key of a provider account disabled or cooling down, or every deployment's breaker open after failing probes. */
  provider_down: z.strictObject({ providerAccountId: z.uuid().optional() }),
  /** Any provider key disabled (after the provider refused it, or by an admin). */
  key_disabled: z.strictObject({ providerAccountId: z.uuid().optional() }),
  /** The org's prepaid balance below `threshold` dollars. */
  low_balance: z.strictObject({ threshold: dollarsSchema }),
  /** The last hour's spend far above the trailing hourly average (the cost monitor's anomaly rule and settings). */
  spend_anomaly: z.strictObject({}),
  /** A budget (cost quota) at or above `percent` of its limit in its current window; one budget or any. */
  budget_threshold: z.strictObject({ quotaId: z.uuid().optional(), percent: z.number().int().min(1).max(100) }),
} as const;

export type AlertRuleKind = keyof typeof alertRuleParamsSchemas;
export const ALERT_RULE_KINDS = Object.keys(alertRuleParamsSchemas) as AlertRuleKind[];
export type AlertRuleParams<K extends AlertRuleKind = AlertRuleKind> = z.infer<(typeof alertRuleParamsSchemas)[K]>;

export const ALERT_STATES = ['ok', 'pending', 'firing'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

const fields = {
  name: z.string().trim().min(1).max(100),
  /** The condition must hold this long before the rule fires (0: at the first evaluation that sees it). */
  forSeconds: z.number().int().min(0).max(86_400),
  /** While it keeps firing, `alert.fired` is sent again this often. */
  repeatIntervalSeconds: z.number().int().min(1).max(7 * 86_400),
  /** Channels to notify; empty means every enabled channel subscribed to alert events. */
  channelIds: z.array(z.uuid()).max(50),
  enabled: z.boolean(),
};
const common = {
  name: fields.name,
  forSeconds: fields.forSeconds.default(0),
  repeatIntervalSeconds: fields.repeatIntervalSeconds.default(3600),
  channelIds: fields.channelIds.default([]),
  enabled: fields.enabled.default(true),
};

const ruleOf = <K extends AlertRuleKind>(kind: K) => z.strictObject({ kind: z.literal(kind), ...common, params: alertRuleParamsSchemas[kind] });

export const createAlertRuleSchema = z.discriminatedUnion('kind', [
  ruleOf('error_rate'), ruleOf('latency'), ruleOf('provider_down'), ruleOf('key_disabled'), ruleOf('low_balance'),
  ruleOf('spend_anomaly'), ruleOf('budget_threshold'),
]);
export type CreateAlertRule = z.infer<typeof createAlertRuleSchema>;
export type CreateAlertRuleInput = z.input<typeof createAlertRuleSchema>;

/** `params` replaces the stored params whole and is checked against the rule's kind. */
export const updateAlertRuleSchema = z.strictObject({
  name: fields.name.optional(),
  forSeconds: fields.forSeconds.optional(),
  repeatIntervalSeconds: fields.repeatIntervalSeconds.optional(),
  channelIds: fields.channelIds.optional(),
  enabled: fields.enabled.optional(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type UpdateAlertRule = z.infer<typeof updateAlertRuleSchema>;

export interface AlertRuleView {
  id: string;
  name: string;
  kind: AlertRuleKind;
  params: Record<string, unknown>;
  forSeconds: number;
  repeatIntervalSeconds: number;
  channelIds: string[];
  enabled: boolean;
  state: AlertState;
  /** What the last evaluation measured (a percent, milliseconds, a count, or dollars); null without data. */
  lastValue: number | string | null;
  lastEvaluatedAt: string | null;
  createdAt: string;
}

/** One firing of a rule, from `alert.fired` to `alert.resolved`. */
export interface AlertEventView {
  id: string;
  ruleId: string;
  ruleName: string;
  kind: AlertRuleKind;
  firedAt: string;
  /** Null while it still fires. */
  resolvedAt: string | null;
  /** The measured value at the last evaluation while it fired. */
  lastValue: number | string | null;
  summary: string;
  /** Notification rounds sent: the first `alert.fired`, each repeat, and `alert.resolved`. */
  notificationsSent: number;
  lastNotifiedAt: string | null;
}

export interface AlertRuleDetailView extends AlertRuleView {
  history: AlertEventView[];
}
