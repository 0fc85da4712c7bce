import {
  createQuotaSchema, QUOTA_METRICS, QUOTA_PERIODS, QUOTA_SCOPES, updateQuotaSchema,
  type ApiKeyView, type CreateQuota, type MemberView, type QuotaMetric, type QuotaPeriod, type QuotaScope, type QuotaView,
} from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { editableDollars } from '../../lib/dollars';
import { listOf, validate, type FieldErrors } from '../../lib/zod-form';
import { METRIC_NAMES, PERIOD_NAMES, SCOPE_NAMES } from './quota-format';

interface QuotaFormProps {
  /** Editing this quota; creating a new one when absent. Scope, subject and metric are fixed once created. */
  quota?: QuotaView;
  apiKeys: ApiKeyView[];
  members: MemberView[];
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateQuota): void;
  onClose(): void;
}

const LIMIT_HINT: Record<QuotaMetric, string> = {
  requests: 'A whole number of requests, like 10000.',
  tokens: 'A whole number of tokens (prompt + completion), like 2000000.',
  cost: 'Dollars, like 25.00.',
};

/** Cost limits come back with 9 decimals; the form shows them as typed ("25.00"). */
const editableLimit = (quota: QuotaView) => (quota.metric === 'cost' ? editableDollars(quota.limit) : quota.limit);

export function QuotaForm({ quota, apiKeys, members, pending, error, onSubmit, onClose }: QuotaFormProps) {
  const [name, setName] = useState(quota?.name ?? '');
  const [scope, setScope] = useState<QuotaScope>(quota?.scope ?? 'org');
  const [subjectId, setSubjectId] = useState(quota?.subjectId ?? '');
  const [metric, setMetric] = useState<QuotaMetric>(quota?.metric ?? 'cost');
  const [period, setPeriod] = useState<QuotaPeriod>(quota?.period ?? 'month');
  const [limit, setLimit] = useState(quota ? editableLimit(quota) : '');
  const [thresholds, setThresholds] = useState((quota?.thresholds ?? [50, 80, 100]).join(', '));
  const [hard, setHard] = useState(quota?.hard ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const marks = listOf(thresholds).map((t) => Number(t.replace(/%$/, '')));
    const common = { name, period, limit: limit.trim(), thresholds: marks, hard };
    const input = quota ? common : { ...common, scope, subjectId: scope === 'org' ? null : subjectId || null, metric };
    const result = validate(quota ? updateQuotaSchema : createQuotaSchema, input);
    if (!result.ok) {
      const firstMark = Object.entries(result.errors).find(([path]) => path.startsWith('thresholds.'));
      return setErrors(firstMark ? { ...result.errors, thresholds: `Each threshold is a whole percent from 1 to 100 (${firstMark[1]})` } : result.errors);
    }
    setErrors({});
    onSubmit(result.data as CreateQuota);
  };

  const subjects = scope === 'key' ? apiKeys.filter((k) => k.status !== 'revoked').map((k) => ({ id: k.id, label: `${k.name} (${k.display})` })) : members.map((m) => ({ id: m.userId, label: m.name ? `${m.name} <${m.email}>` : m.email }));
  return (
    <Dialog title={quota ? `Edit ${quota.name}` : 'New quota'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Field id="quota-name" label="Name" error={errors.name} hint="Like “Monthly budget” or “CI key daily tokens”.">
          <input {...fieldAria('quota-name', errors.name, true)} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <div className="form-grid">
          <Field id="quota-scope" label="Applies to" error={errors.scope}>
            <select {...fieldAria('quota-scope', errors.scope)} className="input" value={scope} disabled={!!quota} onChange={(e) => { setScope(e.target.value as QuotaScope); setSubjectId(''); }}>
              {QUOTA_SCOPES.map((s) => <option key={s} value={s}>{SCOPE_NAMES[s]}</option>)}
            </select>
          </Field>
          {scope !== 'org' && (
            <Field id="quota-subject" label={scope === 'key' ? 'API key' : 'Member'} error={errors.subjectId}>
              <select {...fieldAria('quota-subject', errors.subjectId)} className="input" value={subjectId} disabled={!!quota} onChange={(e) => setSubjectId(e.target.value)}>
                <option value="">Choose…</option>
                {subjects.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
              </select>
            </Field>
          )}
        </div>
        <div className="form-grid">
          <Field id="quota-metric" label="Counts" error={errors.metric}>
            <select {...fieldAria('quota-metric', errors.metric)} className="input" value={metric} disabled={!!quota} onChange={(e) => setMetric(e.target.value as QuotaMetric)}>
              {QUOTA_METRICS.map((m) => <option key={m} value={m}>{METRIC_NAMES[m]}</option>)}
            </select>
          </Field>
          <Field id="quota-period" label="Period" error={errors.period} hint="Calendar windows in UTC.">
            <select {...fieldAria('quota-period', errors.period, true)} className="input" value={period} onChange={(e) => setPeriod(e.target.value as QuotaPeriod)}>
              {QUOTA_PERIODS.map((p) => <option key={p} value={p}>{PERIOD_NAMES[p]}</option>)}
            </select>
          </Field>
          <Field id="quota-limit" label="Limit" error={errors.limit} hint={LIMIT_HINT[metric]}>
            <input {...fieldAria('quota-limit', errors.limit, true)} className="input" inputMode="decimal" value={limit} onChange={(e) => setLimit(e.target.value)} />
          </Field>
        </div>
        <Field id="quota-thresholds" label="Thresholds (%)" error={errors.thresholds} hint="Crossing one notifies the org once per window. Comma-separated, like 50, 80, 100; empty for none.">
          <input {...fieldAria('quota-thresholds', errors.thresholds, true)} className="input" value={thresholds} onChange={(e) => setThresholds(e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={hard} onChange={(e) => setHard(e.target.checked)} />
          Hard quota: refuse requests that could go over it (a soft quota only notifies)
        </label>
        <FormActions pending={pending} label={quota ? 'Save changes' : 'Create quota'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
