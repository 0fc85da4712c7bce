import { monitoringSettingsSchema, type MonitoringSettingsView } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { QueryState } from '../../components/query-state';
import { editableDollars, formatDollars } from '../../lib/dollars';
import { optionalNumber, validate, type FieldErrors } from '../../lib/zod-form';
import { useMonitoringSettings, useSaveMonitoringSettings } from './use-monitoring';

type Setting = keyof MonitoringSettingsView;

const SETTINGS: Record<Setting, { label: string; hint: string; show(v: MonitoringSettingsView): string; numeric: boolean }> = {
  slaTargetPercent: { label: 'SLA target (%)', hint: 'Success rate to hold, 50 to 99.9999. It sets the error budget.', show: (v) => `${v.slaTargetPercent}%`, numeric: true },
  anomalyMultiplier: { label: 'Anomaly multiplier (×)', hint: 'An hour above this many times the hourly average of the week before is unusual.', show: (v) => `${v.anomalyMultiplier}×`, numeric: true },
  anomalyMinSpend: { label: 'Minimum anomalous spend ($)', hint: 'Hours below this spend are never flagged.', show: (v) => formatDollars(v.anomalyMinSpend), numeric: false },
};

interface MonitoringSettingsCardProps {
  orgId: string;
  title: string;
  settings: Setting[];
  canEdit: boolean;
  saveLabel: string;
}

/** Some of the org's monitoring settings: values for everyone, a form for admins. */
export function MonitoringSettingsCard({ orgId, title, settings, canEdit, saveLabel }: MonitoringSettingsCardProps) {
  const query = useMonitoringSettings(orgId);
  return (
    <div className="card" data-testid={`settings-${settings.join('-')}`}>
      <div className="card-header">
        <h2>{title}</h2>
      </div>
      <div className="card-body">
        <QueryState query={query} label="settings">
          {(view) =>
            canEdit ? (
              <SettingsForm key={JSON.stringify(view)} orgId={orgId} view={view} settings={settings} saveLabel={saveLabel} />
            ) : (
              <dl className="meta-list">
                {settings.map((s) => (
                  <div key={s} style={{ display: 'contents' }}>
                    <dt>{SETTINGS[s].label}</dt>
                    <dd data-setting={s}>{SETTINGS[s].show(view)}</dd>
                  </div>
                ))}
              </dl>
            )
          }
        </QueryState>
      </div>
    </div>
  );
}

function SettingsForm({ orgId, view, settings, saveLabel }: { orgId: string; view: MonitoringSettingsView; settings: Setting[]; saveLabel: string }) {
  const save = useSaveMonitoringSettings(orgId);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(settings.map((s) => [s, s === 'anomalyMinSpend' ? editableDollars(view[s]) : String(view[s])])));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(settings.map((s) => [s, SETTINGS[s].numeric ? optionalNumber(values[s]!) : values[s]!.trim()]));
    const result = validate(monitoringSettingsSchema, body);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.data);
  };
  return (
    <form className="form narrow-form" onSubmit={submit} noValidate>
      <FormError message={save.error ? errorMessage(save.error) : undefined} />
      <div className="form-grid">
        {settings.map((s) => (
          <Field key={s} id={`setting-${s}`} label={SETTINGS[s].label} error={errors[s]} hint={SETTINGS[s].hint}>
            <input {...fieldAria(`setting-${s}`, errors[s], true)} className="input" inputMode="decimal" value={values[s]} onChange={(e) => setValues({ ...values, [s]: e.target.value })} />
          </Field>
        ))}
      </div>
      <div className="button-row button-row-start">
        <SubmitButton pending={save.isPending} label={saveLabel} pendingLabel="Saving…" />
        {save.isSuccess && <span className="muted" role="status">Saved.</span>}
      </div>
    </form>
  );
}
