import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RequestLogCursor } from './request-log-cursor';

/** What narrows the rows; `ownerId` limits them to the API keys that user owns. */
export interface RequestLogFilter {
  orgId: string;
  ownerId: string | null;
  apiKeyId?: string;
  model?: string;
  /** Inclusive lower and exclusive upper HTTP status. */
  statusRange?: [number, number];
  from?: Date;
  to?: Date;
}

export interface RequestLogRow {
  request_id: string;
  /** created_at in UTC with microseconds: the cursor position, and the displayed time. */
  at: string;
  model: string;
  operation: string;
  api_key_id: string | null;
  api_key_name: string | null;
  user_id: string | null;
  status: number;
  error_code: string | null;
  input_tokens: number;
  output_tokens: number;
  cost: string;
  latency_ms: number;
  ttft_ms: number | null;
  streamed: boolean;
}

export interface RequestLogDetailRow extends RequestLogRow {
  deployment_id: string | null;
  provider_account_id: string | null;
  provider_account_name: string | null;
  cached_input_tokens: number;
  cache_write_tokens: number;
  reasoning_tokens: number;
  images: number;
  routing: string[] | null;
}

const COLUMNS = `u.request_id, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, u.model, u.operation,
  u.api_key_id, k.name AS api_key_name, u.user_id, u.status, u.error_code, u.input_tokens, u.output_tokens, u.cost_nano::text AS cost,
  u.latency_ms, u.ttft_ms, u.streamed`;

/** Reads usage_logs for the request log; every query is scoped by org (and by key owner when given). */
@Injectable()
export class RequestLogsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Newest first, keyset-paged on (created_at, request_id); one row more than `limit` tells if a next page exists. */
  page(filter: RequestLogFilter, cursor: RequestLogCursor | null, limit: number): Promise<RequestLogRow[]> {
    const params: unknown[] = [];
    const where = this.where(filter, params);
    if (cursor) where.push(`(u.created_at, u.request_id) < ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.requestId)})`);
    return this.db.query(
      `SELECT ${COLUMNS} FROM usage_logs u LEFT JOIN api_keys k ON k.id = u.api_key_id
        WHERE ${where.join(' AND ')} ORDER BY u.created_at DESC, u.request_id DESC LIMIT $${params.push(limit + 1)}`,
      params,
    );
  }

  async one(filter: RequestLogFilter, requestId: string): Promise<RequestLogDetailRow | null> {
    const params: unknown[] = [];
    const where = this.where(filter, params);
    where.push(`u.request_id = $${params.push(requestId)}`);
    const rows: RequestLogDetailRow[] = await this.db.query(
      `SELECT ${COLUMNS}, u.deployment_id, u.provider_account_id, p.name AS provider_account_name, u.cached_input_tokens,
              u.cache_write_tokens, u.reasoning_tokens, u.images, u.routing
         FROM usage_logs u LEFT JOIN api_keys k ON k.id = u.api_key_id
         LEFT JOIN provider_accounts p ON p.id = u.provider_account_id AND p.org_id = u.org_id
        WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows[0] ?? null;
  }

  private where(filter: RequestLogFilter, params: unknown[]): string[] {
    const where = [`u.org_id = $${params.push(filter.orgId)}`];
    if (filter.ownerId) where.push(`k.user_id = $${params.push(filter.ownerId)}`);
    if (filter.apiKeyId) where.push(`u.api_key_id = $${params.push(filter.apiKeyId)}`);
    if (filter.model) where.push(`u.model = $${params.push(filter.model)}`);
    if (filter.statusRange) where.push(`u.status >= $${params.push(filter.statusRange[0])} AND u.status < $${params.push(filter.statusRange[1])}`);
    if (filter.from) where.push(`u.created_at >= $${params.push(filter.from)}`);
    if (filter.to) where.push(`u.created_at < $${params.push(filter.to)}`);
    return where;
  }
}
