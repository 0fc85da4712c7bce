import { DEFAULT_COMPOSITE_WEIGHTS, STRATEGY_NAMES, type StrategyName } from '@ai-router/contracts';
import { Field, fieldAria, OptionList } from '../components/field';
import type { FieldErrors } from '../lib/zod-form';
import { STRATEGY_OPTIONS, type RoutingForm } from './routing-form';
import { STRATEGY_HELP } from './strategy-descriptions';

interface StrategyFieldsProps {
  idPrefix: string;
  form: RoutingForm;
  onChange(form: RoutingForm): void;
  errors: FieldErrors;
}

const WEIGHT_LABELS = { successRate: 'Success rate', latency: 'Latency', cost: 'Cost', quality: 'Quality' } as const;

/** The strategy and the options it reads (composite weights, explore rate, …). */
export function StrategyFields({ idPrefix, form, onChange, errors }: StrategyFieldsProps) {
  const uses = STRATEGY_OPTIONS[form.name] ?? [];
  const id = (name: string) => `${idPrefix}-${name}`;
  const set = <K extends keyof RoutingForm>(key: K, value: RoutingForm[K]) => onChange({ ...form, [key]: value });
  return (
    <div className="stack">
      <Field id={id('strategy')} label="Strategy" error={errors.name} hint={STRATEGY_HELP[form.name]}>
        <select {...fieldAria(id('strategy'), errors.name, true)} className="input" value={form.name} onChange={(e) => set('name', e.target.value as StrategyName)}>
          <OptionList values={STRATEGY_NAMES} />
        </select>
      </Field>
      {uses.includes('weights') && (
        <fieldset className="group">
          <legend>Composite weights</legend>
          <p className="field-hint">How much each criterion counts, 0–100. Empty uses the default shown.</p>
          {errors['options.weights'] && <p className="field-error">{errors['options.weights']}</p>}
          <div className="form-grid">
            {(Object.keys(WEIGHT_LABELS) as (keyof typeof WEIGHT_LABELS)[]).map((k) => (
              <Field key={k} id={id(`w-${k}`)} label={WEIGHT_LABELS[k]} error={errors[`options.weights.${k}`]}>
                <input
                  {...fieldAria(id(`w-${k}`), errors[`options.weights.${k}`])}
                  className="input"
                  inputMode="decimal"
                  placeholder={String(DEFAULT_COMPOSITE_WEIGHTS[k])}
                  value={form.weights[k]}
                  onChange={(e) => set('weights', { ...form.weights, [k]: e.target.value })}
                />
              </Field>
            ))}
          </div>
        </fieldset>
      )}
      {(uses.includes('ttftShare') || uses.includes('exploreRate')) && (
        <div className="form-grid">
          {uses.includes('ttftShare') && (
            <Field id={id('ttft')} label="Time-to-first-token share" error={errors['options.ttftShare']} hint="0–1: how much first-token latency counts against total latency. Default 0.5.">
              <input {...fieldAria(id('ttft'), errors['options.ttftShare'], true)} className="input" inputMode="decimal" placeholder="0.5" value={form.ttftShare} onChange={(e) => set('ttftShare', e.target.value)} />
            </Field>
          )}
          {uses.includes('exploreRate') && (
            <Field id={id('explore')} label="Explore rate" error={errors['options.exploreRate']} hint="0–1: share of requests sent to unmeasured deployments. Default 0.05.">
              <input {...fieldAria(id('explore'), errors['options.exploreRate'], true)} className="input" inputMode="decimal" placeholder="0.05" value={form.exploreRate} onChange={(e) => set('exploreRate', e.target.value)} />
            </Field>
          )}
        </div>
      )}
      {uses.includes('preferFree') && (
        <label className="check">
          <input type="checkbox" checked={form.preferFree} onChange={(e) => set('preferFree', e.target.checked)} />
          Prefer free deployments (a provider's free quota) first
        </label>
      )}
    </div>
  );
}
