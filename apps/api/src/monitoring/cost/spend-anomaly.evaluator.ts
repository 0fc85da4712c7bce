import { Injectable } from '@nestjs/common';
import type { CostAnomalyCheck } from '@ai-router/contracts';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../../alerts/alert-evaluator';
import { CostMonitorService } from './cost-monitor.service';

/** Fires while the cost monitor judges the last hour's spend an anomaly (the org's monitoring settings). */
export function judgeSpend(check: CostAnomalyCheck): AlertReading {
  const ratio = check.ratio === null ? 'no spend in the baseline' : `${check.ratio.toFixed(1)}x the trailing hourly average`;
  return {
    breached: check.anomalous,
    value: check.spend,
    summary: `spent $${check.spend} in the last hour, ${ratio} ($${check.baselineHourly}); anomaly above ${check.multiplier}x and $${check.minSpend}`,
  };
}

@Injectable()
@AlertEvaluatorFor('spend_anomaly')
export class SpendAnomalyEvaluator implements AlertEvaluator<'spend_anomaly'> {
  constructor(private readonly costs: CostMonitorService) {}

  async evaluate({ orgId }: AlertTarget<'spend_anomaly'>, now: Date): Promise<AlertReading> {
    return judgeSpend(await this.costs.currentAnomaly(orgId, now));
  }
}
