import {
  ALERT_RULE_KINDS, alertRuleParamsSchemas, createAlertRuleSchema, updateAlertRuleSchema,
  type AlertRuleKind, type AlertRuleView, type CreateAlertRule, type NotificationChannelView, type ProviderAccountView, type QuotaView, type UpdateAlertRule,
} from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { CheckList } from '../../components/check-list';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { KindSelect } from '../../components/kind-select';
import { optionalNumber, validate, type FieldErrors } from '../../lib/zod-form';
import { initialParams, KIND_HINTS, KIND_LABELS, PARAM_FIELDS, toParams, type ParamField, type ParamValues } from './alert-params';

type Submit = { kind: 'create'; body: CreateAlertRule } | { kind: 'update'; body: UpdateAlertRule };

/** What the pickers offer: the org's channels, provider accounts and budgets (cost quotas). */
export interface AlertChoices {
  channels: NotificationChannelView[];
  providers: ProviderAccountView[];
  budgets: QuotaView[];
}

interface AlertRuleFormProps {
  /** Editing this rule; creating one when absent. The kind of a rule cannot change. */
  rule?: AlertRuleView;
  choices: AlertChoices;
  pending: boolean;
  error: unknown;
  onSubmit(submit: Submit): void;
  onClose(): void;
}

const prefixed = (errors: FieldErrors) => Object.fromEntries(Object.entries(errors).map(([path, message]) => [path ? `params.${path}` : 'params', message]));

export function AlertRuleForm({ rule, choices, pending, error, onSubmit, onClose }: AlertRuleFormProps) {
  const [kind, setKind] = useState<AlertRuleKind>(rule?.kind ?? 'error_rate');
  const [name, setName] = useState(rule?.name ?? '');
  const [forSeconds, setForSeconds] = useState(String(rule?.forSeconds ?? 0));
  const [repeat, setRepeat] = useState(String(rule?.repeatIntervalSeconds ?? 3600));
  const [channelIds, setChannelIds] = useState<string[]>(rule?.channelIds ?? []);
  const [enabled, setEnabled] = useState(rule?.enabled ?? true);
  const [values, setValues] = useState<ParamValues>(() => initialParams(rule?.kind ?? 'error_rate', rule?.params));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { name, forSeconds: optionalNumber(forSeconds), repeatIntervalSeconds: optionalNumber(repeat), channelIds, enabled, params: toParams(kind, values) };
    if (!rule) {
      const result = validate(createAlertRuleSchema, { kind, ...common });
      if (!result.ok) return setErrors(result.errors);
      setErrors({});
      return onSubmit({ kind: 'create', body: result.data });
    }
    // The update schema takes any params; the kind's own schema checks them here as the API will.
    const paramsCheck = validate(alertRuleParamsSchemas[kind], common.params);
    const result = validate(updateAlertRuleSchema, common);
    if (!result.ok || !paramsCheck.ok) return setErrors({ ...(result.ok ? {} : result.errors), ...(paramsCheck.ok ? {} : prefixed(paramsCheck.errors)) });
    setErrors({});
    onSubmit({ kind: 'update', body: { ...result.data, params: paramsCheck.data } });
  };

  return (
    <Dialog title={rule ? `Edit ${rule.name}` : 'New alert rule'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : (errors[''] ?? errors.params)} />
        <div className="form-grid">
          <Field id="alert-name" label="Name" error={errors.name}>
            <input {...fieldAria('alert-name', errors.name)} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </Field>
          <KindSelect
            id="alert-kind"
            label="Watches"
            kinds={ALERT_RULE_KINDS}
            labels={KIND_LABELS}
            value={kind}
            fixed={Boolean(rule)}
            hint={rule ? 'The kind of a rule cannot change.' : KIND_HINTS[kind]}
            error={errors.kind}
            onChange={(next) => {
              setKind(next);
              setValues(initialParams(next));
            }}
          />
        </div>
        {PARAM_FIELDS[kind].length > 0 && (
          <div className="form-grid">
            {PARAM_FIELDS[kind].map((f) => (
              <ParamInput key={f.name} field={f} choices={choices} value={values[f.name] ?? ''} error={errors[`params.${f.name}`]} onChange={(v) => setValues((all) => ({ ...all, [f.name]: v }))} />
            ))}
          </div>
        )}
        <div className="form-grid">
          <Field id="alert-for" label="Holds for (seconds)" error={errors.forSeconds} hint="How long the condition must hold before it fires; 0 fires at once.">
            <input {...fieldAria('alert-for', errors.forSeconds, true)} className="input" inputMode="numeric" value={forSeconds} onChange={(e) => setForSeconds(e.target.value)} />
          </Field>
          <Field id="alert-repeat" label="Repeat every (seconds)" error={errors.repeatIntervalSeconds} hint="While it keeps firing, it is sent again this often.">
            <input {...fieldAria('alert-repeat', errors.repeatIntervalSeconds, true)} className="input" inputMode="numeric" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </Field>
        </div>
        <CheckList
          legend="Send to"
          hint={choices.channels.length === 0 ? 'No channels yet: add one on the Notifications page.' : 'None ticked sends to every enabled channel subscribed to alert events.'}
          error={errors.channelIds}
          options={choices.channels.map((c) => ({ value: c.id, label: c.name }))}
          selected={channelIds}
          onChange={setChannelIds}
        />
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
        <FormActions pending={pending} label={rule ? 'Save changes' : 'Create rule'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function ParamInput({ field, choices, value, error, onChange }: { field: ParamField; choices: AlertChoices; value: string; error?: string; onChange(v: string): void }) {
  const id = `alert-param-${field.name}`;
  const options =
    field.type === 'percentile' ? [['p50', 'p50'], ['p95', 'p95'], ['p99', 'p99']]
    : field.type === 'provider' ? [['', 'Any provider account'], ...choices.providers.map((p) => [p.id, p.name])]
    : field.type === 'budget' ? [['', 'Any budget'], ...choices.budgets.map((q) => [q.id, q.name])]
    : null;
  return (
    <Field id={id} label={field.label} error={error} hint={field.hint}>
      {options ? (
        <select {...fieldAria(id, error, Boolean(field.hint))} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        <input {...fieldAria(id, error, Boolean(field.hint))} className="input" inputMode={field.type === 'text' ? undefined : 'decimal'} value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}
