import type { ApiKeyView, CreateApiKey, CreatedApiKey, UpdateApiKey } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

/** Admins get every key of the org; developers only their own (the API filters). */
export function useApiKeys(orgId: string, enabled = true) {
  return useQuery({
    queryKey: orgKeys.apiKeys(orgId),
    queryFn: ({ signal }) => api.get<ApiKeyView[]>(orgApi(orgId, '/api-keys'), { signal }),
    enabled,
  });
}

export type KeyAction = 'suspend' | 'resume' | 'rotate' | 'revoke';

export function useApiKeyMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => invalidate(orgKeys.apiKeys(orgId));
  const create = useMutation({
    mutationFn: (body: CreateApiKey) => api.post<CreatedApiKey>(orgApi(orgId, '/api-keys'), body),
    onSettled,
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateApiKey }) => api.patch<ApiKeyView>(orgApi(orgId, `/api-keys/${id}`), body),
    onSettled,
  });
  /** rotate answers with the new secret (CreatedApiKey); the others with the updated key. */
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: KeyAction }) =>
      api.post<ApiKeyView | CreatedApiKey>(orgApi(orgId, `/api-keys/${id}/${action}`)),
    onSettled,
  });
  return { create, update, act };
}
