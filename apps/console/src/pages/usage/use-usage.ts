import type { UsageGroup, UsageReport } from '@ai-router/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys } from '../../api/org-queries';
import { fillBuckets, rangeBounds, TIME_RANGES, type TimeRangeId } from '../../lib/time-range';

/** The usage report over a time window, grouped one way; time groupings come back with every bucket filled. */
export function useUsageReport(orgId: string, range: TimeRangeId, groupBy: UsageGroup | 'time') {
  const group = groupBy === 'time' ? TIME_RANGES[range].step : groupBy;
  return useQuery({
    queryKey: orgKeys.usage(orgId, range, group),
    queryFn: async ({ signal }): Promise<UsageReport> => {
      const { from, to } = rangeBounds(range);
      const report = await api.get<UsageReport>(orgApi(orgId, `/usage?${new URLSearchParams({ from, to, groupBy: group })}`), { signal });
      return group === 'hour' || group === 'day' ? { ...report, buckets: fillBuckets(report.buckets, report.from, report.to, group) } : report;
    },
    placeholderData: keepPreviousData,
  });
}
