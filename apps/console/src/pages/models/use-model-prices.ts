import type { ModelPriceRequest, ModelPriceView } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

const pricesKey = (orgId: string, modelId: string) => [...orgKeys.models(orgId), modelId, 'prices'] as const;
const pricesPath = (orgId: string, modelId: string) => orgApi(orgId, `/models/${encodeURIComponent(modelId)}/prices`);

/** The model's price book entries, newest effective first. */
export function useModelPrices(orgId: string, modelId: string) {
  return useQuery({ queryKey: pricesKey(orgId, modelId), queryFn: ({ signal }) => api.get<ModelPriceView[]>(pricesPath(orgId, modelId), { signal }) });
}

/** A new price book entry (the platform owner's, billing:manage); earlier ones stay for past requests. */
export function useSetModelPrice(orgId: string, modelId: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ModelPriceRequest) => api.post<ModelPriceView>(pricesPath(orgId, modelId), body),
    onSuccess: () => invalidate(pricesKey(orgId, modelId)),
  });
}

/** The entry in force now (the newest already effective), and one that starts later, if any. */
export function currentPrice(prices: ModelPriceView[], now = Date.now()): { current?: ModelPriceView; upcoming?: ModelPriceView } {
  const current = prices.find((p) => Date.parse(p.effectiveFrom) <= now);
  const upcoming = prices.find((p) => Date.parse(p.effectiveFrom) > now);
  return { current, upcoming };
}
