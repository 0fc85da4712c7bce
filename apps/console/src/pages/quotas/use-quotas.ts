import type { CreateQuota, OrgView, QuotaView, UpdateOrg, UpdateQuota } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

const quotasKey = (orgId: string) => [...orgKeys.all(orgId), 'quotas'] as const;

/** Usage moves with traffic: the list refreshes itself while it is open. */
export function useQuotas(orgId: string, enabled = true) {
  return useQuery({
    queryKey: quotasKey(orgId),
    queryFn: ({ signal }) => api.get<QuotaView[]>(orgApi(orgId, '/quotas'), { signal }),
    refetchInterval: 15_000,
    enabled,
  });
}

export function useQuotaMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => invalidate(quotasKey(orgId));
  const create = useMutation({ mutationFn: (body: CreateQuota) => api.post<QuotaView>(orgApi(orgId, '/quotas'), body), onSettled });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateQuota }) => api.patch<QuotaView>(orgApi(orgId, `/quotas/${encodeURIComponent(id)}`), body),
    onSettled,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(orgApi(orgId, `/quotas/${encodeURIComponent(id)}`)), onSettled });
  return { create, update, remove };
}

export function useUpdateOrgLimits(orgId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Pick<UpdateOrg, 'limits' | 'ipLimits' | 'userLimits'>) => api.patch<OrgView>(orgApi(orgId), body),
    onSettled: () => invalidate(orgKeys.org(orgId)),
  });
}
