import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertRuleParams } from '@ai-router/contracts';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alert-evaluator';
import { describeWindow, usageWindow } from './usage-window';

const FRACTION = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;

export interface LatencySample {
  total: number;
  /** The percentile in ms; null without requests. */
  latencyMs: number | null;
}

/** Fires when the percentile of at least `minRequests` successful requests is above `thresholdMs`. */
export function judgeLatency(sample: LatencySample, params: AlertRuleParams<'latency'>): AlertReading {
  const scope = describeWindow(params);
  if (sample.total < params.minRequests || sample.latencyMs === null) {
    return { breached: false, value: null, summary: `${sample.total} successful requests ${scope}, fewer than the ${params.minRequests} needed to judge` };
  }
  const ms = Math.round(sample.latencyMs);
  return {
    breached: ms > params.thresholdMs,
    value: ms,
    summary: `${params.percentile} latency ${ms} ms over ${sample.total} requests ${scope}; threshold ${params.thresholdMs} ms`,
  };
}

/** Latency of successful requests only: a fast failure says nothing about how slow answers are. */
@Injectable()
@AlertEvaluatorFor('latency')
export class LatencyEvaluator implements AlertEvaluator<'latency'> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async evaluate({ orgId, params }: AlertTarget<'latency'>, now: Date): Promise<AlertReading> {
    const { where, args } = usageWindow(orgId, params, now);
    const fraction = `$${args.push(FRACTION[params.percentile])}`;
    const [row] = (await this.db.query(
      `SELECT count(*)::int AS total, percentile_cont(${fraction}::float8) WITHIN GROUP (ORDER BY latency_ms) AS "latencyMs"
       FROM usage_logs WHERE ${where} AND status < 400`,
      args,
    )) as { total: number; latencyMs: number | string | null }[];
    return judgeLatency({ total: row!.total, latencyMs: row!.latencyMs === null ? null : Number(row!.latencyMs) }, params);
  }
}
