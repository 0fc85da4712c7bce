import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SLA_PERIODS, type SlaPeriod, type SlaReportQuery, type SlaReportView, type SlaSubjectStats } from '@ai-router/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppErrorCode } from '../../common/errors/app-error-code';
import { AppException } from '../../common/errors/app.exception';
import { LOGGER } from '../../common/logger.module';
import { MonitoringSettingsService } from '../monitoring-settings.service';
import { UsageQueriesRepository } from '../usage-queries.repository';
import { closedPeriods, isClosed, type Period, periodContaining } from './sla-period';
import { availability, errorBudget, formatPercent, successRate, targetMet } from './sla-math';
import { SlaStatsService } from './sla-stats.service';

/** How long after a period ends before it is issued: usage rows arrive through the queue. */
export const REPORT_GRACE_MS = 15 * 60_000;
/** Periods the job looks back over, so a worker that was down catches up, but old history is not issued retroactively. */
const LOOKBACK: Record<SlaPeriod, number> = { daily: 7, monthly: 2 };
const DEFAULT_LIST_MS = 31 * 86_400_000;

interface ReportRow {
  id: string; period: SlaPeriod; period_start: Date; period_end: Date; subject_kind: SlaSubjectStats['kind']; subject_id: string; subject_name: string;
  requests: number; successes: number; provider_failures: number; client_errors: number; bad_slices: number; total_slices: number; target_ppm: number;
  latency_p50_ms: number | null; latency_p95_ms: number | null; latency_p99_ms: number | null;
  ttft_p50_ms: number | null; ttft_p95_ms: number | null; ttft_p99_ms: number | null; issued_at: Date;
}

const COLUMNS = `id uuid, org_id uuid, period text, period_start timestamptz, period_end timestamptz, subject_kind text, subject_id text, subject_name text,
  requests int, successes int, provider_failures int, client_errors int, bad_slices int, total_slices int, target_ppm int,
  latency_p50_ms int, latency_p95_ms int, latency_p99_ms int, ttft_p50_ms int, ttft_p95_ms int, ttft_p99_ms int`;
const COLUMN_NAMES = COLUMNS.split(',').map((c) => c.trim().split(' ')[0]).join(', ');

/**
 * Daily and monthly SLA reports. A report is issued once per (org, period, subject) for a closed
 * period, with the org's target at issue time, and never rewritten: running the job again, or on
 * several workers at once, inserts nothing that exists.
 */
@Injectable()
export class SlaReportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly usage: UsageQueriesRepository,
    private readonly stats: SlaStatsService,
    private readonly settings: MonitoringSettingsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The scheduled job: every closed period in the lookback, for every org with traffic in it. Returns rows issued. */
  async runDue(now = new Date()): Promise<number> {
    let issued = 0;
    for (const period of SLA_PERIODS) {
      for (const p of closedPeriods(period, now, REPORT_GRACE_MS, LOOKBACK[period])) {
        for (const orgId of await this.usage.orgsWithUsage(p.start, p.end)) {
          try {
            if (!(await this.isIssued(orgId, period, p))) issued += await this.issueRows(orgId, period, p);
          } catch (err) {
            this.logger.error({ orgId, period, periodStart: p.start.toISOString(), err: (err as Error).message }, 'SLA report failed; the next run retries');
          }
        }
      }
    }
    if (issued) this.logger.info({ issued }, 'SLA reports issued');
    return issued;
  }

  /** On demand for one org: the period containing `periodStart`, which must be closed. */
  async issue(orgId: string, period: SlaPeriod, periodStart: Date, now = new Date()): Promise<{ issued: number; reports: SlaReportView[] }> {
    const p = periodContaining(period, periodStart);
    if (!isClosed(p, now, REPORT_GRACE_MS)) {
      throw new AppException(AppErrorCode.ValidationFailed, `The ${period} period starting ${p.start.toISOString()} is not closed yet.`, { param: 'periodStart' });
    }
    const issued = await this.issueRows(orgId, period, p);
    return { issued, reports: await this.list(orgId, { period, from: p.start.toISOString(), to: p.end.toISOString() }) };
  }

  async list(orgId: string, query: SlaReportQuery): Promise<SlaReportView[]> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_LIST_MS);
    const params: unknown[] = [orgId, query.period, from, to];
    const kindFilter = query.subjectKind ? ` AND subject_kind = $${params.push(query.subjectKind)}` : '';
    const rows: ReportRow[] = await this.db.query(
      `SELECT * FROM sla_reports WHERE org_id = $1 AND period = $2 AND period_start >= $3 AND period_start < $4${kindFilter}
        ORDER BY period_start, array_position(ARRAY['org', 'provider', 'deployment', 'model'], subject_kind), subject_name`,
      params,
    );
    return rows.map(toView);
  }

  private async isIssued(orgId: string, period: SlaPeriod, p: Period): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      "SELECT 1 FROM sla_reports WHERE org_id = $1 AND period = $2 AND period_start = $3 AND subject_kind = 'org' LIMIT 1", [orgId, period, p.start],
    );
    return rows.length > 0;
  }

  /** All subjects of one org and period in one statement, so a period is issued whole or not at all. */
  private async issueRows(orgId: string, period: SlaPeriod, p: Period): Promise<number> {
    const { slaTargetPpm } = await this.settings.get(orgId);
    const subjects = await this.stats.compute(orgId, p.start, p.end, slaTargetPpm);
    if (!subjects.length) return 0;
    const rows = subjects.map((s) => ({
      id: randomUUID(), org_id: orgId, period, period_start: p.start.toISOString(), period_end: p.end.toISOString(),
      subject_kind: s.kind, subject_id: s.id, subject_name: s.name, requests: s.requests, successes: s.successes,
      provider_failures: s.providerFailures, client_errors: s.clientErrors, bad_slices: s.badSlices, total_slices: s.totalSlices, target_ppm: slaTargetPpm,
      latency_p50_ms: s.latencyMs.p50, latency_p95_ms: s.latencyMs.p95, latency_p99_ms: s.latencyMs.p99,
      ttft_p50_ms: s.ttftMs.p50, ttft_p95_ms: s.ttftMs.p95, ttft_p99_ms: s.ttftMs.p99,
    }));
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO sla_reports (${COLUMN_NAMES}) SELECT ${COLUMN_NAMES} FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMNS})
       ON CONFLICT (org_id, period, period_start, subject_kind, subject_id) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }
}

function toView(r: ReportRow): SlaReportView {
  const pct = (a: number | null, b: number | null, c: number | null) => ({ p50: a, p95: b, p99: c });
  return {
    reportId: r.id, period: r.period, periodStart: new Date(r.period_start).toISOString(), periodEnd: new Date(r.period_end).toISOString(),
    kind: r.subject_kind, id: r.subject_id, name: r.subject_name, requests: r.requests, successes: r.successes,
    providerFailures: r.provider_failures, clientErrors: r.client_errors, successRate: successRate(r.successes, r.provider_failures),
    availability: availability(r.bad_slices, r.total_slices), badSlices: r.bad_slices, totalSlices: r.total_slices,
    latencyMs: pct(r.latency_p50_ms, r.latency_p95_ms, r.latency_p99_ms), ttftMs: pct(r.ttft_p50_ms, r.ttft_p95_ms, r.ttft_p99_ms),
    errorBudget: errorBudget(r.successes + r.provider_failures, r.provider_failures, r.target_ppm),
    targetMet: targetMet(r.successes, r.provider_failures, r.target_ppm), target: formatPercent(r.target_ppm), issuedAt: new Date(r.issued_at).toISOString(),
  };
}
