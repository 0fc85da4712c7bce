import './routing-config.css';
import { errorsUnder, type FieldErrors } from '../lib/zod-form';
import { emptyRule, type RuleForm } from './routing-form';
import { RuleFields } from './rule-fields';

interface RulesEditorProps {
  idPrefix: string;
  rules: RuleForm[];
  errors: FieldErrors;
  onChange(rules: RuleForm[]): void;
}

/** Conditional rules, evaluated top to bottom; the first that matches applies. */
export function RulesEditor({ idPrefix, rules, errors, onChange }: RulesEditorProps) {
  const move = (index: number, by: number) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    next.splice(index + by, 0, rule!);
    onChange(next);
  };
  return (
    <fieldset className="group">
      <legend>Conditional rules</legend>
      <p className="field-hint">Checked in order; the first rule that matches a request changes its model or strategy.</p>
      {errors.rules && <p className="field-error">{errors.rules}</p>}
      {rules.map((rule, index) => (
        <div key={rule.id} className="rule-card">
          <div className="rule-card-header">
            <strong>Rule {index + 1}</strong>
            <div className="inline">
              <button type="button" className="button button-ghost button-small" disabled={index === 0} onClick={() => move(index, -1)}>
                Move up
              </button>
              <button type="button" className="button button-ghost button-small" disabled={index === rules.length - 1} onClick={() => move(index, 1)}>
                Move down
              </button>
              <button type="button" className="button button-ghost button-small danger" onClick={() => onChange(rules.filter((r) => r !== rule))}>
                Remove rule
              </button>
            </div>
          </div>
          <RuleFields
            idPrefix={`${idPrefix}-rule-${rule.id}`}
            rule={rule}
            errors={errorsUnder(errors, `rules.${index}`)}
            onChange={(changed) => onChange(rules.map((r) => (r === rule ? changed : r)))}
          />
        </div>
      ))}
      <div>
        <button type="button" className="button button-secondary button-small" onClick={() => onChange([...rules, emptyRule()])}>
          Add rule
        </button>
      </div>
    </fieldset>
  );
}
