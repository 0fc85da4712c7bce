import { z } from 'zod';
import { dollarsSchema } from './billing.schema';

const isoTime = z.iso.datetime({ offset: true });

export const SLA_WINDOWS = ['1h', '24h', '7d', '30d'] as const;
export type SlaWindow = (typeof SLA_WINDOWS)[number];
export const SLA_SUBJECT_KINDS = ['org', 'provider', 'deployment', 'model'] as const;
export type SlaSubjectKind = (typeof SLA_SUBJECT_KINDS)[number];
export const SLA_PERIODS = ['daily', 'monthly'] as const;
export type SlaPeriod = (typeof SLA_PERIODS)[number];

export const slaQuerySchema = z.object({ window: z.enum(SLA_WINDOWS).default('24h') });
export type SlaQuery = z.infer<typeof slaQuerySchema>;

export interface SlaPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface SlaErrorBudget {
  /** Provider failures the target allows for the requests seen: floor(eligible x (1 - target)). */
  allowedFailures: number;
  actualFailures: number;
  /** allowed - actual; negative once the budget is overspent. */
  remaining: number;
  /** remaining / allowed; null when nothing is allowed yet (no eligible requests). */
  remainingRatio: number | null;
}

/**
 * One subject's service level over a window. Outcomes: success (status < 400); provider failure (5xx,
 * and 408/429 from upstream); client error (other 4xx, 499 client left), which does not count.
 */
export interface SlaSubjectStats {
  kind: SlaSubjectKind;
  /** 'all' for the org, else the provider account id, deployment id or model name. */
  id: string;
  name: string;
  requests: number;
  successes: number;
  providerFailures: number;
  clientErrors: number;
  /** successes / (successes + providerFailures); null without eligible requests. */
  successRate: number | null;
  /** 1 - badSlices / totalSlices: a slice is bad when most of its eligible requests failed. */
  availability: number;
  badSlices: number;
  totalSlices: number;
  /** Of successful requests; TTFT of streamed ones. */
  latencyMs: SlaPercentiles;
  ttftMs: SlaPercentiles;
  errorBudget: SlaErrorBudget;
  /** successRate >= target; null without eligible requests. */
  targetMet: boolean | null;
}

export interface SlaView {
  window: SlaWindow;
  from: string;
  to: string;
  /** Percent, e.g. "99.9". */
  target: string;
  sliceMinutes: number;
  /** The org first, then providers, deployments and models. */
  subjects: SlaSubjectStats[];
}

export const slaReportQuerySchema = z.object({
  period: z.enum(SLA_PERIODS).default('daily'),
  from: isoTime.optional(),
  to: isoTime.optional(),
  subjectKind: z.enum(SLA_SUBJECT_KINDS).optional(),
});
export type SlaReportQuery = z.infer<typeof slaReportQuerySchema>;

export interface SlaReportView extends SlaSubjectStats {
  reportId: string;
  period: SlaPeriod;
  periodStart: string;
  periodEnd: string;
  target: string;
  issuedAt: string;
}

/** Issues the reports of one closed period for the org now (the scheduled job does the same). */
export const runSlaReportsSchema = z.strictObject({ period: z.enum(SLA_PERIODS), periodStart: isoTime });
export type RunSlaReports = z.infer<typeof runSlaReportsSchema>;

export interface RunSlaReportsResult {
  /** Rows newly issued by this run; 0 when the period had been issued already. */
  issued: number;
  reports: SlaReportView[];
}

export const monitoringSettingsSchema = z.strictObject({
  /** 50 to 99.9999 percent. */
  slaTargetPercent: z.number().min(50).max(99.9999).optional(),
  /** Last hour's spend over the trailing hourly average that counts as an anomaly, 1 to 1000 (x). */
  anomalyMultiplier: z.number().min(1).max(1000).optional(),
  /** Smallest last-hour spend that can be an anomaly, in dollars. */
  anomalyMinSpend: dollarsSchema.optional(),
});
export type MonitoringSettingsInput = z.infer<typeof monitoringSettingsSchema>;

export interface MonitoringSettingsView {
  slaTargetPercent: string;
  anomalyMultiplier: number;
  anomalyMinSpend: string;
}

export const costQuerySchema = z.object({ from: isoTime.optional(), to: isoTime.optional() });
export type CostQuery = z.infer<typeof costQuerySchema>;

/** Amounts are dollar strings with 9 decimals (exact nano-dollars). */
export interface CostRow {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  model: string;
  requests: number;
  cost: string;
}

export interface CostReport {
  from: string;
  to: string;
  rows: CostRow[];
  byDay: { day: string; cost: string }[];
  byModel: { model: string; requests: number; cost: string }[];
  total: string;
}

/**
 * forecast = monthToDate + trailingSpend x (monthEnd - asOf) / trailingWindow, where the trailing
 * window is the last 7 days, shortened to the org's age (at least one hour).
 */
export interface CostForecast {
  asOf: string;
  monthStart: string;
  monthEnd: string;
  monthToDate: string;
  trailingFrom: string;
  trailingSpend: string;
  trailingDailyAverage: string;
  daysLeft: number;
  forecast: string;
}

export interface CostAnomalyCheck {
  anomalous: boolean;
  windowStart: string;
  windowEnd: string;
  /** Spend in the last hour. */
  spend: string;
  /** Average hourly spend over the 7 days before the last hour. */
  baselineHourly: string;
  /** spend / baselineHourly; null when the baseline is zero. */
  ratio: number | null;
  multiplier: number;
  minSpend: string;
}

export interface CostAnomalyView {
  id: string;
  hourStart: string;
  windowStart: string;
  windowEnd: string;
  spend: string;
  baselineHourly: string;
  multiplier: number;
  minSpend: string;
  detectedAt: string;
}
