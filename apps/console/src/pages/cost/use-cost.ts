import type { CostAnomalyView, CostForecast, CostReport } from '@ai-router/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';

const DAY_MS = 86_400_000;
const costKey = (orgId: string, ...rest: (string | number)[]) => [...orgKeys.all(orgId), 'cost', ...rest] as const;

/** The last `days` days up to now; the range is computed when fetching so a refetch moves with the clock. */
const rangeQuery = (days: number) => `from=${encodeURIComponent(new Date(Date.now() - days * DAY_MS).toISOString())}`;

export function useCostReport(orgId: string, days: number) {
  return useQuery({
    queryKey: costKey(orgId, 'report', days),
    queryFn: ({ signal }) => api.get<CostReport>(orgApi(orgId, `/cost?${rangeQuery(days)}`), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCostForecast(orgId: string) {
  return useQuery({ queryKey: costKey(orgId, 'forecast'), queryFn: ({ signal }) => api.get<CostForecast>(orgApi(orgId, '/cost/forecast'), { signal }) });
}

export function useCostAnomalies(orgId: string, days: number) {
  return useQuery({
    queryKey: costKey(orgId, 'anomalies', days),
    queryFn: ({ signal }) => api.get<CostAnomalyView[]>(orgApi(orgId, `/cost/anomalies?${rangeQuery(days)}`), { signal }),
    placeholderData: keepPreviousData,
  });
}
