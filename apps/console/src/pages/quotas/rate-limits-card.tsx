import { updateOrgSchema, type OrgView, type RateLimits } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { useOrgView } from '../../api/org-queries';
import { DataTable, numeric } from '../../components/data-table';
import { errorMessage } from '../../components/error-alert';
import { FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { QueryState } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { optionalNumber, validate, type FieldErrors } from '../../lib/zod-form';
import { useUpdateOrgLimits } from './use-quotas';

const LEVELS = [
  { key: 'limits', label: 'Whole organisation', hint: 'Shared by all of its keys' },
  { key: 'ipLimits', label: 'Each client IP', hint: 'Per calling address' },
  { key: 'userLimits', label: 'Each member', hint: 'Across all of their keys' },
] as const;
const FIELDS = [
  { key: 'rpm', label: 'Requests / min' },
  { key: 'tpm', label: 'Tokens / min' },
  { key: 'concurrency', label: 'In flight' },
] as const;

type Level = (typeof LEVELS)[number]['key'];
type Draft = Record<Level, Record<keyof RateLimits, string>>;

const draftOf = (org: OrgView): Draft =>
  Object.fromEntries(LEVELS.map(({ key }) => [key, Object.fromEntries(FIELDS.map((f) => [f.key, org[key][f.key]?.toString() ?? '']))])) as Draft;

/** Rate limits next to the quotas: per minute and in flight, for the org, each client address and each member. */
export function RateLimitsCard({ orgId, canEdit }: { orgId: string; canEdit: boolean }) {
  const org = useOrgView(orgId);
  // Held here: saving refetches the org, which remounts the form with the saved values; the outcome stays.
  const save = useUpdateOrgLimits(orgId);
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Rate limits</h2>
          <p className="card-subtitle">Token buckets refilled every minute, and requests in flight at once. Empty means no limit at that level; API keys have their own.</p>
        </div>
      </div>
      <QueryState query={org} label="rate limits">
        {(view) => <LimitsForm key={view.id + JSON.stringify([view.limits, view.ipLimits, view.userLimits])} org={view} save={save} canEdit={canEdit} />}
      </QueryState>
    </div>
  );
}

function LimitsForm({ org, save, canEdit }: { org: OrgView; save: ReturnType<typeof useUpdateOrgLimits>; canEdit: boolean }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(org));
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(
      LEVELS.map(({ key }) => [key, Object.fromEntries(FIELDS.flatMap((f) => (draft[key][f.key].trim() === '' ? [] : [[f.key, optionalNumber(draft[key][f.key])]])))]),
    );
    const result = validate(updateOrgSchema, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.data);
  };

  const cell = (level: Level, field: keyof RateLimits, label: string) => {
    const path = `${level}.${field}`;
    if (!canEdit) return <td key={field} className="num">{org[level][field] === undefined ? <span className="muted">No limit</span> : formatNumber(org[level][field])}</td>;
    return (
      <td key={field} className="num">
        <input
          className="input"
          inputMode="numeric"
          placeholder="No limit"
          aria-label={`${label}, ${LEVELS.find((l) => l.key === level)!.label}`}
          aria-invalid={errors[path] ? true : undefined}
          title={errors[path]}
          value={draft[level][field]}
          onChange={(e) => setDraft({ ...draft, [level]: { ...draft[level], [field]: e.target.value } })}
        />
        {errors[path] && <p className="field-error">{errors[path]}</p>}
      </td>
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <DataTable columns={['Applies to', ...FIELDS.map((f) => numeric(f.label))]}>
        {LEVELS.map((level) => (
          <tr key={level.key} data-limit-level={level.key}>
            <td>
              <div className="cell-strong">{level.label}</div>
              <div className="cell-sub">{level.hint}</div>
            </td>
            {FIELDS.map((f) => cell(level.key, f.key, f.label))}
          </tr>
        ))}
      </DataTable>
      {canEdit && (
        <div className="card-body stack">
          <FormError message={save.error ? errorMessage(save.error) : undefined} />
          {save.isSuccess && <p className="alert alert-success" role="status">Rate limits saved.</p>}
          <div className="button-row button-row-end">
            <SubmitButton pending={save.isPending} label="Save rate limits" pendingLabel="Saving…" />
          </div>
        </div>
      )}
    </form>
  );
}
