import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { UsageBucket, UsageGroup, UsageQuery, UsageReport } from '@ai-router/contracts';
import { formatDollars } from '../billing/money';
import { rangeSegments, type UsageSource } from './usage-report-range';

const DEFAULT_RANGE_MS = 7 * 24 * 3600 * 1000;

/** SQL for each grouping over a time column; fixed strings only, never built from input. */
const GROUP_SQL: Record<UsageGroup, (time: string) => string> = {
  day: (t) => `to_char(date_trunc('day', ${t} AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"00:00:00"Z"')`,
  hour: (t) => `to_char(date_trunc('hour', ${t} AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:00:00"Z"')`,
  model: () => 'model',
  provider: () => "coalesce(provider_account_id::text, 'none')",
  key: () => "coalesce(api_key_id::text, 'none')",
  user: () => "coalesce(user_id::text, 'none')",
  status: () => 'status::text',
};

const ROLLUP_SUMS = `sum(requests) AS requests, sum(errors) AS errors, sum(input_tokens) AS input, sum(output_tokens) AS output,
  sum(cached_input_tokens) AS cached, sum(images) AS images, sum(cost_nano) AS cost`;

/** The same counters from per-request rows and from rollups. */
const SOURCE_SQL: Record<UsageSource, { table: string; time: string; sums: string }> = {
  raw: {
    table: 'usage_logs', time: 'created_at',
    sums: `count(*) AS requests, count(*) FILTER (WHERE status >= 400) AS errors, sum(input_tokens) AS input, sum(output_tokens) AS output,
           sum(cached_input_tokens) AS cached, sum(images) AS images, sum(cost_nano) AS cost`,
  },
  hourly: { table: 'usage_rollups_hourly', time: 'bucket_start', sums: ROLLUP_SUMS },
  daily: { table: 'usage_rollups_daily', time: 'bucket_start', sums: ROLLUP_SUMS },
};

interface Row {
  group: string;
  requests: string;
  errors: string;
  input: string;
  output: string;
  cached: string;
  images: string;
  cost: string | null;
}

/**
 * Usage analytics: admins for the org, key holders for their own key. Counters come from the hourly
 * and daily rollups for whole hours and days, from the per-request rows only for partial hours at the
 * range's ends (and for the status grouping, which rollups do not keep); latency percentiles need the
 * rows, so they are null where the rows are past retention.
 */
type ScopedQuery = UsageQuery & { userId?: string };

@Injectable()
export class UsageReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** `userId` narrows the report to the requests of that member's keys. */
  async report(orgId: string, query: UsageQuery, userId?: string): Promise<UsageReport> {
    const scoped: ScopedQuery = userId ? { ...query, userId } : query;
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    const [rows, percentiles] = await Promise.all([this.counters(orgId, scoped, from, to), this.percentiles(orgId, scoped, from, to)]);
    const buckets: UsageBucket[] = rows.map((r) => {
      const p = percentiles.get(r.group);
      return {
        group: r.group, requests: Number(r.requests), errors: Number(r.errors), inputTokens: Number(r.input), outputTokens: Number(r.output),
        cachedInputTokens: Number(r.cached), images: Number(r.images), cost: formatDollars(BigInt(r.cost ?? '0')),
        p50LatencyMs: p?.p50 ?? null, p95LatencyMs: p?.p95 ?? null,
      };
    });
    const sum = (pick: (b: UsageBucket) => number) => buckets.reduce((a, b) => a + pick(b), 0);
    return {
      from: from.toISOString(), to: to.toISOString(), groupBy: query.groupBy, buckets,
      totals: {
        requests: sum((b) => b.requests), errors: sum((b) => b.errors), inputTokens: sum((b) => b.inputTokens), outputTokens: sum((b) => b.outputTokens),
        cachedInputTokens: sum((b) => b.cachedInputTokens), images: sum((b) => b.images),
        cost: formatDollars(rows.reduce((a, r) => a + BigInt(r.cost ?? '0'), 0n)),
      },
    };
  }

  private async counters(orgId: string, query: ScopedQuery, from: Date, to: Date): Promise<Row[]> {
    const segments = query.groupBy === 'status' ? [{ source: 'raw' as const, from, to }] : rangeSegments(from, to, query.groupBy === 'hour' ? 'hour' : 'day');
    if (!segments.length) return [];
    const params: unknown[] = [orgId];
    const filter = this.filter(query, params);
    const parts = segments.map(({ source, from: a, to: b }) => {
      const s = SOURCE_SQL[source];
      return `SELECT ${GROUP_SQL[query.groupBy](s.time)} AS "group", ${s.sums} FROM ${s.table}
               WHERE org_id = $1 AND ${s.time} >= $${params.push(a)} AND ${s.time} < $${params.push(b)}${filter} GROUP BY 1`;
    });
    return this.db.query(
      `SELECT "group", sum(requests)::text AS requests, sum(errors)::text AS errors, sum(input)::text AS input, sum(output)::text AS output,
              sum(cached)::text AS cached, sum(images)::text AS images, sum(cost)::text AS cost
         FROM (${parts.join(' UNION ALL ')}) parts GROUP BY 1 ORDER BY 1`,
      params,
    );
  }

  private async percentiles(orgId: string, query: ScopedQuery, from: Date, to: Date): Promise<Map<string, { p50: number; p95: number }>> {
    const params: unknown[] = [orgId, from, to];
    const rows: { group: string; p50: number | string; p95: number | string }[] = await this.db.query(
      `SELECT ${GROUP_SQL[query.groupBy]('created_at')} AS "group",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
         FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3${this.filter(query, params)} GROUP BY 1`,
      params,
    );
    return new Map(rows.map((r) => [r.group, { p50: Math.round(Number(r.p50)), p95: Math.round(Number(r.p95)) }]));
  }

  /** The optional model, key and member filters; both sources have these columns. Pushes its parameters. */
  private filter(query: ScopedQuery, params: unknown[]): string {
    let filter = '';
    if (query.model) filter += ` AND model = $${params.push(query.model)}`;
    if (query.apiKeyId) filter += ` AND api_key_id = $${params.push(query.apiKeyId)}`;
    if (query.userId) filter += ` AND user_id = $${params.push(query.userId)}`;
    return filter;
  }
}
