import { Injectable } from '@nestjs/common';
import type { SlaView, SlaWindow } from '@ai-router/contracts';
import { MonitoringSettingsService } from '../monitoring-settings.service';
import { formatPercent, SLICE_MS } from './sla-math';
import { SlaStatsService } from './sla-stats.service';

export const WINDOW_MS: Record<SlaWindow, number> = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

/** The live SLA view: a rolling window ending now, against the org's target. */
@Injectable()
export class SlaService {
  constructor(private readonly stats: SlaStatsService, private readonly settings: MonitoringSettingsService) {}

  async window(orgId: string, window: SlaWindow, now = new Date()): Promise<SlaView> {
    const from = new Date(now.getTime() - WINDOW_MS[window]);
    const { slaTargetPpm } = await this.settings.get(orgId);
    return {
      window, from: from.toISOString(), to: now.toISOString(), target: formatPercent(slaTargetPpm), sliceMinutes: SLICE_MS / 60_000,
      subjects: await this.stats.compute(orgId, from, now, slaTargetPpm),
    };
  }
}
