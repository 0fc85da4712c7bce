import type { CreateCoupon, CreatedPromoCodeView, CreateRedemptionCode, PromoCodeKind, PromoCodeView } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useInvalidate } from '../../api/org-queries';

/** The platform's codes are not an org's: they sit under `/api/platform`, for the platform owner only. */
const PATHS: Record<PromoCodeKind, string> = { redemption: '/api/platform/redemption-codes', coupon: '/api/platform/coupons' };
/** Every code list; a redemption changes a code's count. */
export const promoCodesKey = ['platform', 'promo-codes'] as const;
const promoKey = (kind: PromoCodeKind) => [...promoCodesKey, kind] as const;

export function usePromoCodes(kind: PromoCodeKind) {
  return useQuery({ queryKey: promoKey(kind), queryFn: ({ signal }) => api.get<PromoCodeView[]>(PATHS[kind], { signal }) });
}

export type CreatePromo = { kind: 'redemption'; body: CreateRedemptionCode } | { kind: 'coupon'; body: CreateCoupon };

export function usePromoCodeMutations() {
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: (input: CreatePromo) => api.post<CreatedPromoCodeView>(PATHS[input.kind], input.body),
    onSuccess: (_, input) => invalidate(promoKey(input.kind)),
  });
  const disable = useMutation({
    mutationFn: (code: PromoCodeView) => api.post<PromoCodeView>(`${PATHS[code.kind]}/${encodeURIComponent(code.id)}/disable`),
    onSuccess: (_, code) => invalidate(promoKey(code.kind)),
  });
  return { create, disable };
}
