import { TIME_RANGES, type TimeRangeId } from '../lib/time-range';
import { LabelledSelect } from './labelled-select';

const LABELS = Object.fromEntries(Object.entries(TIME_RANGES).map(([id, range]) => [id, range.label])) as Record<TimeRangeId, string>;

/** The time window of a report page. */
export function RangePicker({ value, onChange }: { value: TimeRangeId; onChange(value: TimeRangeId): void }) {
  return <LabelledSelect label="Period" value={value} options={LABELS} onChange={onChange} />;
}
