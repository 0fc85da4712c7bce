import { Injectable } from '@nestjs/common';
import type { RequestLogDetail, RequestLogPage, RequestLogQuery, RequestLogSummary } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { can } from '../auth/permissions';
import { formatDollars } from '../billing/money';
import { AppException } from '../common/errors/app.exception';
import { decodeCursor, encodeCursor } from './request-log-cursor';
import { type RequestLogDetailRow, type RequestLogFilter, type RequestLogRow, RequestLogsRepository } from './request-logs.repository';

/**
 * The gateway's requests, one usage row each. Without `requests:manage` (developers) the caller sees
 * only the requests made with API keys they own, as with the keys themselves.
 */
@Injectable()
export class RequestLogsService {
  constructor(private readonly repo: RequestLogsRepository) {}

  async list(actor: OrgActor, query: RequestLogQuery): Promise<RequestLogPage> {
    const filter: RequestLogFilter = {
      ...this.scope(actor), apiKeyId: query.apiKeyId, model: query.model, statusRange: query.status ? statusRange(query.status) : undefined,
      from: query.from ? new Date(query.from) : undefined, to: query.to ? new Date(query.to) : undefined,
    };
    const rows = await this.repo.page(filter, query.cursor ? decodeCursor(query.cursor) : null, query.limit);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items: items.map(summary), nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.at, requestId: last.request_id }) : null };
  }

  async get(actor: OrgActor, requestId: string): Promise<RequestLogDetail> {
    const row = await this.repo.one(this.scope(actor), requestId);
    if (!row) throw AppException.notFound('request');
    return detail(row);
  }

  private scope(actor: OrgActor): RequestLogFilter {
    return { orgId: actor.orgId, ownerId: can(actor.role, 'requests:manage') ? null : actor.id };
  }
}

/** `5xx` -> [500, 600); `429` -> [429, 430). */
export function statusRange(status: string): [number, number] {
  if (status.endsWith('xx')) {
    const low = Number(status[0]) * 100;
    return [low, low + 100];
  }
  return [Number(status), Number(status) + 1];
}

function summary(r: RequestLogRow): RequestLogSummary {
  return {
    requestId: r.request_id, createdAt: r.at, model: r.model, operation: r.operation, apiKeyId: r.api_key_id, apiKeyName: r.api_key_name,
    userId: r.user_id, status: r.status, errorCode: r.error_code, inputTokens: r.input_tokens, outputTokens: r.output_tokens,
    cost: formatDollars(BigInt(r.cost)), latencyMs: r.latency_ms, ttftMs: r.ttft_ms, streamed: r.streamed,
  };
}

function detail(r: RequestLogDetailRow): RequestLogDetail {
  return {
    ...summary(r), deploymentId: r.deployment_id, providerAccountId: r.provider_account_id, providerAccountName: r.provider_account_name,
    cachedInputTokens: r.cached_input_tokens, cacheWriteTokens: r.cache_write_tokens, reasoningTokens: r.reasoning_tokens, images: r.images,
    routing: r.routing ?? [],
  };
}
