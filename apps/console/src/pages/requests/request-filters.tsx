import { LabelledSelect } from '../../components/labelled-select';
import { PERIODS, type RequestFilters } from './use-request-logs';

const STATUSES: Record<string, string> = {
  '': 'Any status',
  '2xx': 'Succeeded (2xx)',
  '4xx': 'Refused (4xx)',
  '5xx': 'Failed (5xx)',
  '429': 'Rate limited (429)',
  '499': 'Client left (499)',
};

const PERIOD_LABELS = Object.fromEntries(Object.entries(PERIODS).map(([id, p]) => [id, p.label]));

interface RequestFiltersBarProps {
  value: RequestFilters;
  onChange(value: RequestFilters): void;
  /** Key id -> name; empty when the role cannot list keys (the key filter is then left out). */
  keys: Record<string, string>;
  models: string[];
}

export function RequestFiltersBar({ value, onChange, keys, models }: RequestFiltersBarProps) {
  const set = (patch: Partial<RequestFilters>) => onChange({ ...value, ...patch });
  return (
    <div className="card card-body inline filter-bar" role="search" aria-label="Filter requests">
      <LabelledSelect label="Period" value={value.period} options={PERIOD_LABELS} onChange={(period) => set({ period })} />
      <LabelledSelect label="Model" value={value.model} options={{ '': 'Any model', ...Object.fromEntries(models.map((m) => [m, m])) }} onChange={(model) => set({ model })} />
      {Object.keys(keys).length > 0 && (
        <LabelledSelect label="API key" value={value.apiKeyId} options={{ '': 'Any key', ...keys }} onChange={(apiKeyId) => set({ apiKeyId })} />
      )}
      <LabelledSelect label="Status" value={value.status} options={STATUSES} onChange={(status) => set({ status })} />
    </div>
  );
}
