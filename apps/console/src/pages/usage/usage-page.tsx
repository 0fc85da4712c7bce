import { useState } from 'react';
import { RangePicker } from '../../components/range-picker';
import type { PageProps } from '../../layout/page-props';
import type { TimeRangeId } from '../../lib/time-range';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { UsageBreakdown } from './usage-breakdown';
import { UsageOverTime } from './usage-over-time';
import { useNames } from './use-names';

export function UsagePage({ item }: PageProps) {
  const { orgId } = useOrg();
  const [range, setRange] = useState<TimeRangeId>('7d');
  const names = useNames();
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={<RangePicker value={range} onChange={setRange} />} />
      <UsageOverTime orgId={orgId} range={range} />
      <UsageBreakdown orgId={orgId} range={range} nameOf={(group, value) => (group === 'key' ? names.keyName(value) : group === 'user' ? names.memberName(value) : value)} />
    </section>
  );
}
