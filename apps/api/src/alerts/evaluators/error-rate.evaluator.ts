import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertRuleParams } from '@ai-router/contracts';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alert-evaluator';
import { describeWindow, usageWindow } from './usage-window';

/** Failed at the provider: a server error, a timeout, or the provider's rate limit. Client mistakes (4xx) are not. */
const PROVIDER_FAILED = 'status >= 500 OR status IN (408, 429)';

export interface RequestCounts {
  total: number;
  failed: number;
}

/** Fires when at least `thresholdPercent` of at least `minRequests` requests failed at the provider. */
export function judgeErrorRate(counts: RequestCounts, params: AlertRuleParams<'error_rate'>): AlertReading {
  const scope = describeWindow(params);
  if (counts.total < params.minRequests) {
    return { breached: false, value: null, summary: `${counts.total} requests ${scope}, fewer than the ${params.minRequests} needed to judge` };
  }
  const percent = Math.round((counts.failed / counts.total) * 1000) / 10;
  return {
    breached: percent >= params.thresholdPercent,
    value: percent,
    summary: `error rate ${percent}% (${counts.failed} of ${counts.total} requests failed) ${scope}; threshold ${params.thresholdPercent}%`,
  };
}

@Injectable()
@AlertEvaluatorFor('error_rate')
export class ErrorRateEvaluator implements AlertEvaluator<'error_rate'> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async evaluate({ orgId, params }: AlertTarget<'error_rate'>, now: Date): Promise<AlertReading> {
    const { where, args } = usageWindow(orgId, params, now);
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${PROVIDER_FAILED}))::int AS failed FROM usage_logs WHERE ${where}`,
      args,
    )) as RequestCounts[];
    return judgeErrorRate(row!, params);
  }
}
