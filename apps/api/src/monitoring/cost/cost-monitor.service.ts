import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CostAnomalyCheck, CostAnomalyView, CostForecast, CostQuery, CostReport } from '@ai-router/contracts';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { formatDollars } from '../../billing/money';
import { LOGGER } from '../../common/logger.module';
import { monthContaining } from '../../invoices/invoice-period';
import { MonitoringSettingsService } from '../monitoring-settings.service';
import { UsageQueriesRepository } from '../usage-queries.repository';
import { anomalyRatio, averagePer, BASELINE_HOURS, DAY_MS, forecastMonth, HOUR_MS, isAnomalous, trailingStart } from './cost-math';

const DEFAULT_RANGE_MS = 30 * DAY_MS;
const MAX_ANOMALIES = 500;

interface AnomalyRow {
  id: string; hour_start: Date; window_start: Date; window_end: Date; spend: string; baseline: string; multiplier_bp: number; min_spend: string; detected_at: Date;
}

/** Spend per day and model, the month-end forecast, and spend anomalies (detected on a schedule and on demand). */
@Injectable()
export class CostMonitorService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly usage: UsageQueriesRepository,
    private readonly settings: MonitoringSettingsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async report(orgId: string, query: CostQuery): Promise<CostReport> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    const rows = await this.usage.spendByDayAndModel(orgId, from, to);
    const byDay = new Map<string, bigint>();
    const byModel = new Map<string, { requests: number; cost: bigint }>();
    let total = 0n;
    for (const r of rows) {
      byDay.set(r.day, (byDay.get(r.day) ?? 0n) + r.cost);
      const m = byModel.get(r.model) ?? { requests: 0, cost: 0n };
      byModel.set(r.model, { requests: m.requests + r.requests, cost: m.cost + r.cost });
      total += r.cost;
    }
    return {
      from: from.toISOString(), to: to.toISOString(),
      rows: rows.map((r) => ({ day: r.day, model: r.model, requests: r.requests, cost: formatDollars(r.cost) })),
      byDay: [...byDay].map(([day, cost]) => ({ day, cost: formatDollars(cost) })),
      byModel: [...byModel].sort((a, b) => (b[1].cost > a[1].cost ? 1 : b[1].cost < a[1].cost ? -1 : 0))
        .map(([model, m]) => ({ model, requests: m.requests, cost: formatDollars(m.cost) })),
      total: formatDollars(total),
    };
  }

  /** See cost-math: month-to-date plus the trailing spend rate over the rest of the month. */
  async forecast(orgId: string, now = new Date()): Promise<CostForecast> {
    const month = monthContaining(now);
    const [org]: { created_at: Date }[] = await this.db.query('SELECT created_at FROM orgs WHERE id = $1', [orgId]);
    const trailingFrom = trailingStart(now, new Date(org!.created_at));
    const monthToDate = await this.usage.spend(orgId, month.start, now);
    const trailingSpend = await this.usage.spend(orgId, trailingFrom, now);
    const trailingMs = now.getTime() - trailingFrom.getTime();
    const msLeft = month.end.getTime() - now.getTime();
    return {
      asOf: now.toISOString(), monthStart: month.start.toISOString(), monthEnd: month.end.toISOString(),
      monthToDate: formatDollars(monthToDate), trailingFrom: trailingFrom.toISOString(), trailingSpend: formatDollars(trailingSpend),
      trailingDailyAverage: formatDollars(averagePer(trailingSpend, trailingMs, DAY_MS)), daysLeft: msLeft / DAY_MS,
      forecast: formatDollars(forecastMonth(monthToDate, trailingSpend, trailingMs, msLeft)),
    };
  }

  /**
   * Whether the org's last hour is a spend anomaly, for alert rules and the scheduled job. An
   * anomaly found is also stored (one row per org and clock hour, keeping the highest spend seen).
   */
  async currentAnomaly(orgId: string, now = new Date()): Promise<CostAnomalyCheck> {
    const windowStart = new Date(now.getTime() - HOUR_MS);
    const baselineStart = new Date(windowStart.getTime() - BASELINE_HOURS * HOUR_MS);
    const spend = await this.usage.spend(orgId, windowStart, now);
    const baseline = await this.usage.spend(orgId, baselineStart, windowStart);
    const s = await this.settings.get(orgId);
    const anomalous = isAnomalous(spend, baseline, { multiplierBp: s.anomalyMultiplierBp, minSpendNano: s.anomalyMinSpendNano });
    const baselineHourly = baseline / BigInt(BASELINE_HOURS);
    if (anomalous) {
      await this.db.query(
        `INSERT INTO cost_anomalies (id, org_id, hour_start, window_start, window_end, spend_nano, baseline_hourly_nano, multiplier_bp, min_spend_nano)
         VALUES ($1, $2, date_trunc('hour', $4::timestamptz), $3, $4, $5, $6, $7, $8)
         ON CONFLICT (org_id, hour_start) DO UPDATE SET
           window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, spend_nano = EXCLUDED.spend_nano,
           baseline_hourly_nano = EXCLUDED.baseline_hourly_nano, multiplier_bp = EXCLUDED.multiplier_bp, min_spend_nano = EXCLUDED.min_spend_nano
         WHERE EXCLUDED.spend_nano > cost_anomalies.spend_nano`,
        [randomUUID(), orgId, windowStart, now, spend.toString(), baselineHourly.toString(), s.anomalyMultiplierBp, s.anomalyMinSpendNano.toString()],
      );
    }
    return {
      anomalous, windowStart: windowStart.toISOString(), windowEnd: now.toISOString(), spend: formatDollars(spend),
      baselineHourly: formatDollars(baselineHourly), ratio: anomalyRatio(spend, baseline),
      multiplier: s.anomalyMultiplierBp / 10_000, minSpend: formatDollars(s.anomalyMinSpendNano),
    };
  }

  /** The scheduled job: every org that spent in the last hour. Returns how many were anomalous. */
  async detectAll(now = new Date()): Promise<number> {
    let found = 0;
    for (const orgId of await this.usage.orgsWithSpend(new Date(now.getTime() - HOUR_MS), now)) {
      try {
        if ((await this.currentAnomaly(orgId, now)).anomalous) found++;
      } catch (err) {
        this.logger.error({ orgId, err: (err as Error).message }, 'spend anomaly check failed; the next run retries');
      }
    }
    if (found) this.logger.warn({ orgs: found }, 'spend anomalies detected');
    return found;
  }

  async anomalies(orgId: string, query: CostQuery): Promise<CostAnomalyView[]> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    const rows: AnomalyRow[] = await this.db.query(
      `SELECT id, hour_start, window_start, window_end, spend_nano::text AS spend, baseline_hourly_nano::text AS baseline, multiplier_bp,
              min_spend_nano::text AS min_spend, detected_at
         FROM cost_anomalies WHERE org_id = $1 AND hour_start >= date_trunc('hour', $2::timestamptz) AND hour_start < $3
        ORDER BY hour_start DESC LIMIT ${MAX_ANOMALIES}`,
      [orgId, from, to],
    );
    return rows.map((r) => ({
      id: r.id, hourStart: new Date(r.hour_start).toISOString(), windowStart: new Date(r.window_start).toISOString(),
      windowEnd: new Date(r.window_end).toISOString(), spend: formatDollars(BigInt(r.spend)), baselineHourly: formatDollars(BigInt(r.baseline)),
      multiplier: r.multiplier_bp / 10_000, minSpend: formatDollars(BigInt(r.min_spend)), detectedAt: new Date(r.detected_at).toISOString(),
    }));
  }
}
