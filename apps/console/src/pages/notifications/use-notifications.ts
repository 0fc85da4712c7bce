import type {
  CreateNotificationChannel, NotificationChannelView, NotificationDeliveryView, NotificationTestResult, UpdateNotificationChannel,
} from '@ai-router/contracts';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

export function useChannels(orgId: string) {
  return useQuery({
    queryKey: orgKeys.channels(orgId),
    queryFn: ({ signal }) => api.get<NotificationChannelView[]>(orgApi(orgId, '/notification-channels'), { signal }),
  });
}

/** Newest first; `before` is the createdAt of the last delivery shown. Refreshed while any is still pending. */
export function useDeliveries(orgId: string, channelId: string, limit: number, before: string | null) {
  return useQuery({
    queryKey: [...orgKeys.deliveries(orgId), channelId, limit, before],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(limit), ...(channelId && { channelId }), ...(before && { before }) });
      return api.get<NotificationDeliveryView[]>(orgApi(orgId, `/notification-deliveries?${query}`), { signal });
    },
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.some((d) => d.status === 'pending') ? 3000 : false),
  });
}

export function useChannelMutations(orgId: string) {
  const invalidate = useInvalidate();
  const onSettled = () => invalidate(orgKeys.channels(orgId));
  const path = (id = '') => orgApi(orgId, `/notification-channels${id && `/${encodeURIComponent(id)}`}`);
  const create = useMutation({ mutationFn: (body: CreateNotificationChannel) => api.post<NotificationChannelView>(path(), body), onSettled });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateNotificationChannel }) => api.patch<NotificationChannelView>(path(id), body),
    onSettled,
  });
  const remove = useMutation({ mutationFn: (id: string) => api.delete(path(id)), onSettled });
  const test = useMutation({
    mutationFn: (id: string) => api.post<NotificationTestResult>(`${path(id)}/test`),
    onSuccess: () => invalidate(orgKeys.deliveries(orgId)),
  });
  return { create, update, remove, test };
}
