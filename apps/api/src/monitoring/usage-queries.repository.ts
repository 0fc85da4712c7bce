import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SlaSubjectKind } from '@ai-router/contracts';
import type { DataSource } from 'typeorm';
import { BUCKET_SQL, PROVIDER_FAILURE_SQL, SUCCESS_SQL } from './sla/sla-math';

/**
 * Every read of `usage_logs` the monitors make, in one place so they can be pointed at rollup tables
 * later. Only these columns are used: org_id, created_at, status, latency_ms, ttft_ms, cost_nano,
 * model, deployment_id, provider_account_id. Time ranges are half-open [from, to).
 */

/** The grouping expression of each subject kind; fixed strings, never built from input. */
const SUBJECT_SQL: Record<SlaSubjectKind, string> = {
  org: "'all'",
  provider: 'provider_account_id::text',
  deployment: 'deployment_id::text',
  model: 'model',
};

export interface OutcomeCounts {
  subject: string;
  requests: number;
  successes: number;
  failures: number;
  badSlices: number;
}

export interface HistogramRow {
  subject: string;
  metric: 'latency' | 'ttft';
  bucket: number;
  n: number;
}

export interface SpendRow {
  day: string;
  model: string;
  requests: number;
  cost: bigint;
}

@Injectable()
export class UsageQueriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Outcomes per subject, and how many `sliceMs` slices had more failures than successes. */
  async outcomes(orgId: string, kind: SlaSubjectKind, from: Date, to: Date, sliceMs: number): Promise<OutcomeCounts[]> {
    const subject = SUBJECT_SQL[kind];
    const rows: Record<string, string>[] = await this.db.query(
      `WITH slices AS (
         SELECT ${subject} AS subject, floor(extract(epoch FROM created_at) * 1000 / $4) AS slice, count(*) AS requests,
                count(*) FILTER (WHERE ${SUCCESS_SQL}) AS successes, count(*) FILTER (WHERE ${PROVIDER_FAILURE_SQL}) AS failures
           FROM usage_logs
          WHERE org_id = $1 AND created_at >= $2 AND created_at < $3 AND ${subject} IS NOT NULL
          GROUP BY 1, 2)
       SELECT subject, sum(requests)::int AS requests, sum(successes)::int AS successes, sum(failures)::int AS failures,
              (count(*) FILTER (WHERE failures > successes))::int AS bad
         FROM slices GROUP BY subject ORDER BY subject`,
      [orgId, from, to, sliceMs],
    );
    return rows.map((r) => ({ subject: r.subject!, requests: Number(r.requests), successes: Number(r.successes), failures: Number(r.failures), badSlices: Number(r.bad) }));
  }

  /** Latency of successful requests and TTFT of successful streamed ones, as log-bucket counts. */
  async histograms(orgId: string, kind: SlaSubjectKind, from: Date, to: Date): Promise<HistogramRow[]> {
    const subject = SUBJECT_SQL[kind];
    const where = `org_id = $1 AND created_at >= $2 AND created_at < $3 AND ${SUCCESS_SQL} AND ${subject} IS NOT NULL`;
    const rows: Record<string, string>[] = await this.db.query(
      `SELECT ${subject} AS subject, 'latency' AS metric, ${BUCKET_SQL('latency_ms')} AS bucket, count(*)::int AS n
         FROM usage_logs WHERE ${where} GROUP BY 1, 3
       UNION ALL
       SELECT ${subject}, 'ttft', ${BUCKET_SQL('ttft_ms')}, count(*)::int
         FROM usage_logs WHERE ${where} AND ttft_ms IS NOT NULL GROUP BY 1, 3`,
      [orgId, from, to],
    );
    return rows.map((r) => ({ subject: r.subject!, metric: r.metric as HistogramRow['metric'], bucket: Number(r.bucket), n: Number(r.n) }));
  }

  /** Orgs with any request in the range (whose reports a closed period needs). */
  async orgsWithUsage(from: Date, to: Date): Promise<string[]> {
    const rows: { org_id: string }[] = await this.db.query(
      'SELECT DISTINCT org_id FROM usage_logs WHERE created_at >= $1 AND created_at < $2', [from, to],
    );
    return rows.map((r) => r.org_id);
  }

  /** Orgs that spent anything in the range. */
  async orgsWithSpend(from: Date, to: Date): Promise<string[]> {
    const rows: { org_id: string }[] = await this.db.query(
      'SELECT DISTINCT org_id FROM usage_logs WHERE created_at >= $1 AND created_at < $2 AND cost_nano > 0', [from, to],
    );
    return rows.map((r) => r.org_id);
  }

  async spend(orgId: string, from: Date, to: Date): Promise<bigint> {
    const [row]: { cost: string }[] = await this.db.query(
      'SELECT coalesce(sum(cost_nano), 0)::text AS cost FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3',
      [orgId, from, to],
    );
    return BigInt(row!.cost);
  }

  /** Spend per UTC day and model. */
  async spendByDayAndModel(orgId: string, from: Date, to: Date): Promise<SpendRow[]> {
    const rows: { day: string; model: string; requests: number; cost: string }[] = await this.db.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, model, count(*)::int AS requests, sum(cost_nano)::text AS cost
         FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [orgId, from, to],
    );
    return rows.map((r) => ({ day: r.day, model: r.model, requests: Number(r.requests), cost: BigInt(r.cost) }));
  }
}
