import type {
  AddProviderKey, CreateProviderAccount, ImportModelsResult, ProviderAccountView, ProviderKeyView, ProviderKindName, UpdateProviderKey,
} from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

/** `GET /api/provider-presets`; the type lives in libs/providers, so the console restates what it reads. */
export interface ProviderPresets {
  kinds: { kind: ProviderKindName; defaultBaseUrl: string | null }[];
  vendors: {
    name: string;
    displayName: string;
    defaultBaseUrl: string | null;
    authStyle: { kind: 'bearer' | 'none' | 'header'; name?: string };
    offersModelList: boolean;
  }[];
}

export const KIND_LABELS: Record<ProviderKindName, string> = {
  openai: 'OpenAI',
  'openai-compatible': 'OpenAI-compatible',
  anthropic: 'Anthropic',
  'azure-openai': 'Azure OpenAI',
  gemini: 'Google Gemini',
  bedrock: 'AWS Bedrock',
};

export function useProviderPresets() {
  return useQuery({
    queryKey: ['provider-presets'],
    queryFn: ({ signal }) => api.get<ProviderPresets>('/api/provider-presets', { signal }),
    staleTime: Infinity,
  });
}

export function useUpstreamModels(orgId: string, accountId: string) {
  return useQuery({
    queryKey: [...orgKeys.providers(orgId), accountId, 'upstream-models'],
    queryFn: ({ signal }) => api.get<{ models: string[] }>(orgApi(orgId, `/provider-accounts/${accountId}/upstream-models`), { signal }),
    staleTime: 60_000,
  });
}

export function useProviderMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => invalidate(orgKeys.providers(orgId));
  const accounts = (path = '') => orgApi(orgId, `/provider-accounts${path}`);
  return {
    createAccount: useMutation({
      mutationFn: (body: CreateProviderAccount) => api.post<ProviderAccountView>(accounts(), body),
      onSettled,
    }),
    deleteAccount: useMutation({
      mutationFn: (id: string) => api.delete(accounts(`/${id}`)),
      onSettled: () => Promise.all([onSettled(), invalidate(orgKeys.models(orgId))]),
    }),
    addKey: useMutation({
      mutationFn: ({ accountId, body }: { accountId: string; body: AddProviderKey }) => api.post<ProviderKeyView>(accounts(`/${accountId}/keys`), body),
      onSettled,
    }),
    updateKey: useMutation({
      mutationFn: ({ accountId, keyId, body }: { accountId: string; keyId: string; body: UpdateProviderKey }) =>
        api.patch<ProviderKeyView>(accounts(`/${accountId}/keys/${keyId}`), body),
      onSettled,
    }),
    deleteKey: useMutation({
      mutationFn: ({ accountId, keyId }: { accountId: string; keyId: string }) => api.delete(accounts(`/${accountId}/keys/${keyId}`)),
      onSettled,
    }),
    importModels: useMutation({
      mutationFn: ({ accountId, models }: { accountId: string; models: string[] }) =>
        api.post<ImportModelsResult>(accounts(`/${accountId}/import-models`), { models }),
      onSettled: () => invalidate(orgKeys.models(orgId)),
    }),
  };
}
