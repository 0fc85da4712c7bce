import type { MemberView, ModelView, OrgView, ProviderAccountView } from '@ai-router/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

/** Query keys of one org's resources; everything under `['orgs', orgId]` belongs to that org. */
export const orgKeys = {
  all: (orgId: string) => ['orgs', orgId] as const,
  org: (orgId: string) => ['orgs', orgId, 'org'] as const,
  models: (orgId: string) => ['orgs', orgId, 'models'] as const,
  providers: (orgId: string) => ['orgs', orgId, 'providers'] as const,
  apiKeys: (orgId: string) => ['orgs', orgId, 'api-keys'] as const,
  members: (orgId: string) => ['orgs', orgId, 'members'] as const,
  invites: (orgId: string) => ['orgs', orgId, 'invites'] as const,
  audit: (orgId: string, before: string | null, limit: number) => ['orgs', orgId, 'audit', before, limit] as const,
  usage: (orgId: string, ...params: string[]) => ['orgs', orgId, 'usage', ...params] as const,
  requests: (orgId: string) => ['orgs', orgId, 'requests'] as const,
  billing: (orgId: string) => ['orgs', orgId, 'billing'] as const,
  invoices: (orgId: string) => ['orgs', orgId, 'invoices'] as const,
  channels: (orgId: string) => ['orgs', orgId, 'notification-channels'] as const,
  deliveries: (orgId: string) => ['orgs', orgId, 'notification-deliveries'] as const,
  inbox: (orgId: string) => ['orgs', orgId, 'notifications'] as const,
};

export const orgApi = (orgId: string, path = '') => `/api/orgs/${encodeURIComponent(orgId)}${path}`;

export function useOrgView(orgId: string) {
  return useQuery({ queryKey: orgKeys.org(orgId), queryFn: ({ signal }) => api.get<OrgView>(orgApi(orgId), { signal }) });
}

export function useModels(orgId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.models(orgId),
    queryFn: ({ signal }) => api.get<ModelView[]>(orgApi(orgId, '/models'), { signal }),
    enabled,
  });
}

/** Key stats change with traffic: the providers page refreshes them every few seconds. */
export function useProviderAccounts(orgId: string, enabled = true, refetchInterval: number | false = false) {
  return useQuery({
    queryKey: orgKeys.providers(orgId),
    queryFn: ({ signal }) => api.get<ProviderAccountView[]>(orgApi(orgId, '/provider-accounts'), { signal }),
    enabled,
    refetchInterval,
  });
}

export function useMembers(orgId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.members(orgId),
    queryFn: ({ signal }) => api.get<MemberView[]>(orgApi(orgId, '/members'), { signal }),
    enabled,
  });
}

/** Invalidates one kind of resource of the org after a change. */
export function useInvalidate() {
  const client = useQueryClient();
  return (key: readonly unknown[]) => client.invalidateQueries({ queryKey: key });
}
