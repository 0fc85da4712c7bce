import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { BillingService, type Settlement } from '../billing/billing.service';
import { BalanceWatchService } from '../billing/balance-watch.service';
import { CouponCapService } from '../billing/coupon-cap.service';
import type { UsageCharge } from './usage-cost';
import type { UsageRecord } from './usage-record';

/** usage_logs columns as the batch carries them, with their SQL types (jsonb_to_recordset needs both). */
const ROW_COLUMNS: [string, string][] = [
  ['request_id', 'text'], ['created_at', 'timestamptz'], ['org_id', 'uuid'], ['api_key_id', 'uuid'], ['user_id', 'uuid'], ['model', 'text'],
  ['deployment_id', 'uuid'], ['provider_account_id', 'uuid'], ['operation', 'text'], ['status', 'integer'], ['input_tokens', 'integer'],
  ['output_tokens', 'integer'], ['cached_input_tokens', 'integer'], ['cache_write_tokens', 'integer'], ['reasoning_tokens', 'integer'],
  ['images', 'integer'], ['cost_nano', 'bigint'], ['latency_ms', 'integer'], ['ttft_ms', 'integer'], ['streamed', 'boolean'],
  ['error_code', 'text'], ['routing', 'jsonb'], ['discount_nano', 'bigint'], ['held_nano', 'bigint'],
];

/** What a rollup row adds up, from the inserted usage rows. */
const ROLLUP_SUMS: [string, string][] = [
  ['requests', 'count(*)'], ['errors', 'count(*) FILTER (WHERE status >= 400)'], ['input_tokens', 'sum(input_tokens)'],
  ['output_tokens', 'sum(output_tokens)'], ['cached_input_tokens', 'sum(cached_input_tokens)'], ['cache_write_tokens', 'sum(cache_write_tokens)'],
  ['reasoning_tokens', 'sum(reasoning_tokens)'], ['images', 'sum(images)'], ['cost_nano', 'sum(cost_nano)'], ['discount_nano', 'sum(discount_nano)'],
  ['latency_ms_sum', 'sum(latency_ms)'],
];
const ROLLUP_KEY = ['org_id', 'api_key_id', 'user_id', 'model', 'provider_account_id'];

/** Adds the inserted rows to a rollup table: one row per bucket and key, counters summed on conflict. */
function rollup(table: string, unit: 'hour' | 'day'): string {
  const columns = [...ROLLUP_KEY, 'charged', 'bucket_start', ...ROLLUP_SUMS.map(([c]) => c)].join(', ');
  const groupBy = ROLLUP_KEY.map((_, i) => i + 1).concat(ROLLUP_KEY.length + 1, ROLLUP_KEY.length + 2).join(', ');
  return `INSERT INTO ${table} AS r (${columns})
    SELECT ${ROLLUP_KEY.join(', ')}, cost_nano + discount_nano <> 0, date_trunc('${unit}', created_at, 'UTC'), ${ROLLUP_SUMS.map(([, sql]) => sql).join(', ')}
      FROM inserted GROUP BY ${groupBy}
    ON CONFLICT ON CONSTRAINT ${table}_key DO UPDATE SET ${ROLLUP_SUMS.map(([c]) => `${c} = r.${c} + excluded.${c}`).join(', ')}
    RETURNING 1`;
}

const columnList = ROW_COLUMNS.map(([c]) => c).join(', ');

/**
 * Usage rows, their rollups and the holds' settlement in one statement: only rows the insert actually
 * inserted reach the rollups, and settlement is keyed by request id, so a replayed batch changes nothing.
 */
const WRITE_BATCH = `
  WITH batch AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(${ROW_COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})),
  inserted AS (
    INSERT INTO usage_logs (${columnList}) SELECT ${columnList} FROM batch ON CONFLICT DO NOTHING
    RETURNING *),
  hourly AS (${rollup('usage_rollups_hourly', 'hour')}),
  daily AS (${rollup('usage_rollups_daily', 'day')})
  SELECT count(*)::int AS inserted FROM inserted`;

/** The row a record becomes, keyed as ROW_COLUMNS; charge by the rule in usage-cost.ts. */
function usageRow(record: UsageRecord, { cost, discount }: UsageCharge): Record<string, unknown> {
  const u = record.usage;
  return {
    request_id: record.requestId, created_at: record.startedAt, org_id: record.orgId, api_key_id: record.apiKeyId, user_id: record.userId,
    model: record.model, deployment_id: record.deploymentId, provider_account_id: record.providerAccountId, operation: record.operation,
    status: record.status, input_tokens: u?.inputTokens ?? 0, output_tokens: u?.outputTokens ?? 0, cached_input_tokens: u?.cachedInputTokens ?? 0,
    cache_write_tokens: u?.cacheWriteTokens ?? 0, reasoning_tokens: u?.reasoningTokens ?? 0, images: u?.images ?? 0, cost_nano: cost.toString(),
    latency_ms: record.latencyMs, ttft_ms: record.ttftMs, streamed: record.streamed, error_code: record.errorCode, routing: record.routing,
    discount_nano: discount.toString(), held_nano: record.hold?.amount ?? null,
  };
}

/** Writes batches of usage records; data access only, the flushing policy lives in the recorder. */
@Injectable()
export class UsageBatchStore {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly billing: BillingService,
    private readonly couponCap: CouponCapService,
    private readonly balanceWatch: BalanceWatchService,
  ) {}

  /** Whether the database answers at all (tells a refused record from an outage). */
  reachable(): Promise<boolean> {
    return this.db.query('SELECT 1').then(() => true, () => false);
  }

  /** Keeps a record the database refused, whole and with the refusal; once per request id. */
  async setAside(record: UsageRecord, refusal: string): Promise<void> {
    await this.db.query(
      'INSERT INTO usage_dead_letters (request_id, org_id, record, error) VALUES ($1, $2, $3, $4) ON CONFLICT (request_id) DO NOTHING',
      [record.requestId, record.orgId, JSON.stringify(record), refusal],
    );
  }

  /**
   * One transaction: rows + rollups, then settlement of the billed records' holds; then the low-balance
   * check of the orgs charged. Returns rows inserted. A capped coupon's share is granted per request
   * before (keyed by request id, so a replayed batch is granted the same).
   */
  async write(records: UsageRecord[]): Promise<number> {
    const unique = [...new Map(records.map((r) => [r.requestId, r])).values()];
    const charges: UsageCharge[] = [];
    for (const record of unique) charges.push(await this.couponCap.chargeOf(record));
    const settlements: Settlement[] = unique.flatMap((r, i) => (r.billed ? [{ orgId: r.orgId, requestId: r.requestId, cost: charges[i]!.cost, leaseId: r.hold?.leaseId ?? null }] : []));
    const inserted = await this.db.transaction(async (m) => {
      const [row] = (await m.query(WRITE_BATCH, [JSON.stringify(unique.map((r, i) => usageRow(r, charges[i]!)))])) as { inserted: number }[];
      await this.billing.settleBatch(settlements, m);
      return row?.inserted ?? 0;
    });
    const charged = [...new Set(settlements.filter((s) => s.cost > 0n).map((s) => s.orgId))];
    // Idempotent: a crossing is noticed once, whether this batch is written once or replayed.
    if (charged.length) await this.balanceWatch.afterCharges(charged);
    return inserted;
  }
}
