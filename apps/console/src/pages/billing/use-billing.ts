import type { BillingSettings, BillingView, InvoiceSummaryView, LedgerEntryView, RedeemCode, RedemptionView, TopUp } from '@ai-router/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';
import { saveFile } from '../../lib/save-file';
import { promoCodesKey } from './use-promo-codes';

export function useBilling(orgId: string) {
  return useQuery({ queryKey: orgKeys.billing(orgId), queryFn: ({ signal }) => api.get<BillingView>(orgApi(orgId, '/billing'), { signal }) });
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export function useLedger(orgId: string, limit: number, before: string | null) {
  return useQuery({
    queryKey: [...orgKeys.billing(orgId), 'ledger', limit, before],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(limit), ...(before && { before }) });
      return api.get<LedgerEntryView[]>(orgApi(orgId, `/billing/ledger?${query}`), { signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useInvoices(orgId: string) {
  return useQuery({ queryKey: orgKeys.invoices(orgId), queryFn: ({ signal }) => api.get<InvoiceSummaryView[]>(orgApi(orgId, '/invoices'), { signal }) });
}

/** Top-ups and settings are the platform owner's (billing:manage); each change refreshes the balance and ledger. */
export function useBillingMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSuccess = () => invalidate(orgKeys.billing(orgId));
  const topUp = useMutation({ mutationFn: (body: TopUp) => api.post<BillingView>(orgApi(orgId, '/billing/top-ups'), body), onSuccess });
  const settings = useMutation({
    mutationFn: (body: BillingSettings) => api.request<BillingView>('PUT', orgApi(orgId, '/billing/settings'), { body }),
    onSuccess,
  });
  // An org admin's (billing:write): the credit lands in the balance and the ledger, and the code's count moves.
  const redeem = useMutation({
    mutationFn: (body: RedeemCode) => api.post<RedemptionView>(orgApi(orgId, '/billing/redemptions'), body),
    onSuccess: () => Promise.all([onSuccess(), invalidate(promoCodesKey)]),
  });
  return { topUp, settings, redeem };
}

export type InvoiceFormat = 'pdf' | 'csv';

export function useInvoiceDownload(orgId: string) {
  return useMutation({
    mutationFn: async ({ id, format }: { id: string; format: InvoiceFormat }) => {
      const file = await api.download(orgApi(orgId, `/invoices/${encodeURIComponent(id)}/${format}`));
      saveFile(file.blob, file.filename);
    },
  });
}
