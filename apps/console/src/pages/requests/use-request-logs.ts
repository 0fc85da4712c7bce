import type { RequestLogDetail, RequestLogPage, RequestLogQueryInput } from '@ai-router/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';

/** Filters as the page holds them: empty strings mean "any". */
export interface RequestFilters {
  apiKeyId: string;
  model: string;
  status: string;
  /** A key of PERIODS. */
  period: string;
}

export const PERIODS: Record<string, { label: string; ms: number | null }> = {
  any: { label: 'Any time', ms: null },
  '1h': { label: 'Last hour', ms: 3600_000 },
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
};

/** The query string the API takes, validated there by requestLogQuerySchema. */
export function toQuery(filters: RequestFilters, limit: number, cursor: string | null, now = Date.now()): URLSearchParams {
  const ms = PERIODS[filters.period]?.ms ?? null;
  const query: RequestLogQueryInput = {
    limit,
    ...(filters.apiKeyId && { apiKeyId: filters.apiKeyId }),
    ...(filters.model && { model: filters.model }),
    ...(filters.status && { status: filters.status }),
    ...(ms !== null && { from: new Date(now - ms).toISOString() }),
    ...(cursor && { cursor }),
  };
  return new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
}

export function useRequestLogs(orgId: string, filters: RequestFilters, limit: number, cursor: string | null) {
  return useQuery({
    queryKey: [...orgKeys.requests(orgId), filters, limit, cursor],
    queryFn: ({ signal }) => api.get<RequestLogPage>(orgApi(orgId, `/requests?${toQuery(filters, limit, cursor)}`), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Retries of a 404 while a just-finished request's usage row is still on its way (written in batches). */
const ROW_WAIT_RETRIES = 10;
const ROW_WAIT_DELAY_MS = 500;

/**
 * One request's usage row. `waitForRow` is for a request that has just finished: its row is written
 * asynchronously, so a 404 is retried for a few seconds before it counts as an answer.
 */
export function useRequestDetail(orgId: string, requestId: string, { waitForRow = false, enabled = true } = {}) {
  return useQuery({
    queryKey: [...orgKeys.requests(orgId), 'detail', requestId],
    queryFn: ({ signal }) => api.get<RequestLogDetail>(orgApi(orgId, `/requests/${encodeURIComponent(requestId)}`), { signal }),
    enabled,
    ...(waitForRow && {
      retry: (count: number, error: Error) => error instanceof ApiError && error.status === 404 && count < ROW_WAIT_RETRIES,
      retryDelay: ROW_WAIT_DELAY_MS,
    }),
  });
}
