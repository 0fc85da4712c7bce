import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { UsageBucket, UsageGroup, UsageQuery, UsageReport } from '@ai-router/contracts';
import { formatDollars } from '../billing/money';

const DEFAULT_RANGE_MS = 7 * 24 * 3600 * 1000;

/** SQL for each grouping; fixed strings only, never built from input. */
const GROUP_SQL: Record<UsageGroup, string> = {
  day: "to_char(date_trunc('day', u.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD\"T\"00:00:00\"Z\"')",
  hour: "to_char(date_trunc('hour', u.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD\"T\"HH24:00:00\"Z\"')",
  model: 'u.model',
  provider: "coalesce(u.provider_account_id::text, 'none')",
  key: "coalesce(u.api_key_id::text, 'none')",
  user: "coalesce(k.user_id::text, 'none')",
  status: 'u.status::text',
};

interface Row {
  group: string;
  requests: string;
  errors: string;
  input: string;
  output: string;
  cached: string;
  images: string;
  cost: string;
  p50: number | null;
  p95: number | null;
}

/** Usage analytics over the per-request rows: admins for the org, key holders for their own key. */
@Injectable()
export class UsageReportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async report(orgId: string, query: UsageQuery): Promise<UsageReport> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
    const params: unknown[] = [orgId, from, to];
    let filter = '';
    if (query.model) filter += ` AND u.model = $${params.push(query.model)}`;
    if (query.apiKeyId) filter += ` AND u.api_key_id = $${params.push(query.apiKeyId)}`;
    const rows: Row[] = await this.db.query(
      `SELECT ${GROUP_SQL[query.groupBy]} AS "group", count(*) AS requests, count(*) FILTER (WHERE u.status >= 400) AS errors,
              sum(u.input_tokens) AS input, sum(u.output_tokens) AS output, sum(u.cached_input_tokens) AS cached, sum(u.images) AS images,
              sum(u.cost_nano)::text AS cost,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY u.latency_ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY u.latency_ms) AS p95
         FROM usage_logs u LEFT JOIN api_keys k ON k.id = u.api_key_id
        WHERE u.org_id = $1 AND u.created_at >= $2 AND u.created_at < $3${filter}
        GROUP BY 1 ORDER BY 1`,
      params,
    );
    const buckets: UsageBucket[] = rows.map((r) => ({
      group: r.group, requests: Number(r.requests), errors: Number(r.errors), inputTokens: Number(r.input), outputTokens: Number(r.output),
      cachedInputTokens: Number(r.cached), images: Number(r.images), cost: formatDollars(BigInt(r.cost ?? '0')),
      p50LatencyMs: r.p50 === null ? null : Math.round(Number(r.p50)), p95LatencyMs: r.p95 === null ? null : Math.round(Number(r.p95)),
    }));
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
}
