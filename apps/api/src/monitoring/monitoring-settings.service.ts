import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonitoringSettingsInput, MonitoringSettingsView } from '@ai-router/contracts';
import type { DataSource } from 'typeorm';
import { formatDollars, parseDollars } from '../billing/money';
import { DEFAULT_TARGET_PPM, formatPercent, percentToPpm } from './sla/sla-math';

export interface MonitoringSettings {
  slaTargetPpm: number;
  anomalyMultiplierBp: number;
  anomalyMinSpendNano: bigint;
}

/** Defaults an org gets until its admin changes them (the migration's column defaults say the same). */
export const DEFAULT_SETTINGS: MonitoringSettings = { slaTargetPpm: DEFAULT_TARGET_PPM, anomalyMultiplierBp: 30_000, anomalyMinSpendNano: 1_000_000_000n };

/** Per-org SLA target and spend anomaly thresholds; an org without a row uses the defaults. */
@Injectable()
export class MonitoringSettingsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(orgId: string): Promise<MonitoringSettings> {
    const [row]: { target: number; bp: number; min: string }[] = await this.db.query(
      'SELECT sla_target_ppm AS target, anomaly_multiplier_bp AS bp, anomaly_min_spend_nano::text AS min FROM monitoring_settings WHERE org_id = $1',
      [orgId],
    );
    return row ? { slaTargetPpm: row.target, anomalyMultiplierBp: row.bp, anomalyMinSpendNano: BigInt(row.min) } : DEFAULT_SETTINGS;
  }

  async update(orgId: string, input: MonitoringSettingsInput): Promise<MonitoringSettingsView> {
    const current = await this.get(orgId);
    const next: MonitoringSettings = {
      slaTargetPpm: input.slaTargetPercent === undefined ? current.slaTargetPpm : percentToPpm(input.slaTargetPercent),
      anomalyMultiplierBp: input.anomalyMultiplier === undefined ? current.anomalyMultiplierBp : Math.round(input.anomalyMultiplier * 10_000),
      anomalyMinSpendNano: input.anomalyMinSpend === undefined ? current.anomalyMinSpendNano : parseDollars(input.anomalyMinSpend),
    };
    await this.db.query(
      `INSERT INTO monitoring_settings (org_id, sla_target_ppm, anomaly_multiplier_bp, anomaly_min_spend_nano, updated_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (org_id) DO UPDATE SET sla_target_ppm = $2, anomaly_multiplier_bp = $3, anomaly_min_spend_nano = $4, updated_at = now()`,
      [orgId, next.slaTargetPpm, next.anomalyMultiplierBp, next.anomalyMinSpendNano.toString()],
    );
    return view(next);
  }

  async view(orgId: string): Promise<MonitoringSettingsView> {
    return view(await this.get(orgId));
  }
}

function view(s: MonitoringSettings): MonitoringSettingsView {
  return { slaTargetPercent: formatPercent(s.slaTargetPpm), anomalyMultiplier: s.anomalyMultiplierBp / 10_000, anomalyMinSpend: formatDollars(s.anomalyMinSpendNano) };
}
