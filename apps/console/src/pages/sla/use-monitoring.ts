import type { MonitoringSettingsInput, MonitoringSettingsView, SlaPeriod, SlaReportView, SlaView, SlaWindow } from '@ai-router/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';

const monitoringKey = (orgId: string, ...rest: string[]) => [...orgKeys.all(orgId), 'monitoring', ...rest] as const;

/** The window's figures move with traffic; switching windows keeps the previous figures until the new ones arrive. */
export function useSla(orgId: string, window: SlaWindow) {
  return useQuery({
    queryKey: monitoringKey(orgId, 'sla', window),
    queryFn: ({ signal }) => api.get<SlaView>(orgApi(orgId, `/sla?window=${window}`), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useSlaReports(orgId: string, period: SlaPeriod) {
  return useQuery({
    queryKey: monitoringKey(orgId, 'sla-reports', period),
    queryFn: ({ signal }) => api.get<SlaReportView[]>(orgApi(orgId, `/sla/reports?period=${period}`), { signal }),
  });
}

export function useMonitoringSettings(orgId: string) {
  return useQuery({
    queryKey: monitoringKey(orgId, 'settings'),
    queryFn: ({ signal }) => api.get<MonitoringSettingsView>(orgApi(orgId, '/monitoring/settings'), { signal }),
  });
}

/** A new target changes every SLA figure's error budget, so the whole monitoring cache refreshes. */
export function useSaveMonitoringSettings(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MonitoringSettingsInput) => api.request<MonitoringSettingsView>('PUT', orgApi(orgId, '/monitoring/settings'), { body }),
    onSuccess: (view) => client.setQueryData(monitoringKey(orgId, 'settings'), view),
    onSettled: () => client.invalidateQueries({ queryKey: monitoringKey(orgId) }),
  });
}
