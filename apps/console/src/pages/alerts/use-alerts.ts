import type { AlertEventView, AlertRuleView, CreateAlertRule, UpdateAlertRule } from '@ai-router/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

const rulesKey = (orgId: string) => [...orgKeys.all(orgId), 'alert-rules'] as const;
const alertsKey = (orgId: string) => [...orgKeys.all(orgId), 'alerts'] as const;

/** States move with each evaluation: the list refreshes itself while it is open. */
export function useAlertRules(orgId: string) {
  return useQuery({
    queryKey: rulesKey(orgId),
    queryFn: ({ signal }) => api.get<AlertRuleView[]>(orgApi(orgId, '/alert-rules'), { signal }),
    refetchInterval: 15_000,
  });
}

/** Firings, newest first; `before` is the firedAt of the last one shown. */
export function useAlertEvents(orgId: string, filter: { ruleId: string; state: string }, limit: number, before: string | null) {
  return useQuery({
    queryKey: [...alertsKey(orgId), filter.ruleId, filter.state, limit, before],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(limit), ...(filter.ruleId && { ruleId: filter.ruleId }), ...(filter.state && { state: filter.state }), ...(before && { before }) });
      return api.get<AlertEventView[]>(orgApi(orgId, `/alerts?${query}`), { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useAlertRuleMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => Promise.all([invalidate(rulesKey(orgId)), invalidate(alertsKey(orgId))]);
  const path = (id = '') => orgApi(orgId, `/alert-rules${id && `/${encodeURIComponent(id)}`}`);
  const create = useMutation({ mutationFn: (body: CreateAlertRule) => api.post<AlertRuleView>(path(), body), onSettled });
  const update = useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateAlertRule }) => api.patch<AlertRuleView>(path(id), body), onSettled });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(path(id)), onSettled });
  return { create, update, remove };
}
