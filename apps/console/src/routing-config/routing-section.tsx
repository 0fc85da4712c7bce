import type { FieldErrors } from '../lib/zod-form';
import type { RoutingForm } from './routing-form';
import { RulesEditor } from './rules-editor';
import { StrategyFields } from './strategy-fields';

interface RoutingSectionProps {
  idPrefix: string;
  /** null = no routing of its own: the fallback named by `inheritLabel` applies. */
  form: RoutingForm | null;
  defaultForm: RoutingForm;
  onChange(form: RoutingForm | null): void;
  errors: FieldErrors;
  inheritLabel: string;
}

/** Routing of a model or of the org: inherit, or a strategy with its options and conditional rules. */
export function RoutingSection({ idPrefix, form, defaultForm, onChange, errors, inheritLabel }: RoutingSectionProps) {
  return (
    <fieldset className="group">
      <legend>Routing</legend>
      <div className="inline">
        <label className="check">
          <input type="radio" name={`${idPrefix}-routing`} checked={form === null} onChange={() => onChange(null)} />
          {inheritLabel}
        </label>
        <label className="check">
          <input type="radio" name={`${idPrefix}-routing`} checked={form !== null} onChange={() => onChange(form ?? defaultForm)} />
          Custom strategy
        </label>
      </div>
      {errors[''] && <p className="field-error">{errors['']}</p>}
      {form && (
        <>
          <StrategyFields idPrefix={idPrefix} form={form} onChange={onChange} errors={errors} />
          <RulesEditor idPrefix={idPrefix} rules={form.rules} errors={errors} onChange={(rules) => onChange({ ...form, rules })} />
        </>
      )}
    </fieldset>
  );
}
