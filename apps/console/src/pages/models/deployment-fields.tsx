import type { DeploymentView, ProviderAccountView } from '@ai-router/contracts';
import { Field, fieldAria } from '../../components/field';
import { optionalNumber, optionalText, type FieldErrors } from '../../lib/zod-form';

export interface DeploymentValues {
  providerAccountId: string;
  upstreamModel: string;
  weight: string;
  priority: string;
  quality: string;
  enabled: boolean;
}

export const emptyDeployment = (accounts: ProviderAccountView[]): DeploymentValues => ({
  providerAccountId: accounts[0]?.id ?? '', upstreamModel: '', weight: '', priority: '', quality: '', enabled: true,
});

export const deploymentValues = (d: DeploymentView): DeploymentValues => ({
  providerAccountId: d.providerAccountId,
  upstreamModel: d.upstreamModel,
  weight: String(d.weight),
  priority: String(d.priority),
  quality: d.quality === null ? '' : String(d.quality),
  enabled: d.enabled,
});

/** The body to validate; blank numbers are left to the API's defaults (a blank quality clears it when editing). */
export function toDeploymentInput(v: DeploymentValues, mode: 'create' | 'edit') {
  return {
    providerAccountId: mode === 'create' ? v.providerAccountId : undefined,
    upstreamModel: optionalText(v.upstreamModel) ?? '',
    weight: optionalNumber(v.weight),
    priority: optionalNumber(v.priority),
    quality: optionalNumber(v.quality) ?? (mode === 'edit' ? null : undefined),
    enabled: v.enabled,
  };
}

interface DeploymentFieldsProps {
  idPrefix: string;
  values: DeploymentValues;
  onChange(values: DeploymentValues): void;
  errors: FieldErrors;
  /** Absent when editing: a deployment stays on its provider account. */
  accounts?: ProviderAccountView[];
  /** Only provider and upstream model (the first deployment of a new model). */
  compact?: boolean;
}

export function DeploymentFields({ idPrefix, values, onChange, errors, accounts, compact }: DeploymentFieldsProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = (key: keyof DeploymentValues) => (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value });
  const number = (key: 'weight' | 'priority' | 'quality', label: string, hint: string) => (
    <Field id={id(key)} label={label} error={errors[key]} hint={hint}>
      <input {...fieldAria(id(key), errors[key], true)} className="input" inputMode="decimal" value={values[key]} onChange={set(key)} />
    </Field>
  );
  return (
    <>
      <div className="form-grid">
        {accounts && (
          <Field id={id('provider')} label="Provider" error={errors.providerAccountId}>
            <select {...fieldAria(id('provider'), errors.providerAccountId)} className="input" value={values.providerAccountId} onChange={set('providerAccountId')}>
              {accounts.length === 0 && <option value="">No providers yet</option>}
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id={id('upstream')} label="Upstream model" error={errors.upstreamModel} hint="The provider's own model id.">
          <input {...fieldAria(id('upstream'), errors.upstreamModel, true)} className="input mono" value={values.upstreamModel} onChange={set('upstreamModel')} />
        </Field>
      </div>
      {!compact && (
        <>
          <div className="form-grid">
            {number('weight', 'Weight', '0–10000; share for weighted strategies.')}
            {number('priority', 'Priority', '0–1000; lower is tried first.')}
            {number('quality', 'Quality', '0–1, optional; used by composite.')}
          </div>
          <label className="check">
            <input type="checkbox" checked={values.enabled} onChange={(e) => onChange({ ...values, enabled: e.target.checked })} />
            Enabled
          </label>
        </>
      )}
    </>
  );
}
