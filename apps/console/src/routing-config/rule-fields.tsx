import { STRATEGY_NAMES, type StrategyName } from '@ai-router/contracts';
import { Field, fieldAria, OptionList } from '../components/field';
import type { FieldErrors } from '../lib/zod-form';
import type { RuleForm, TriState } from './routing-form';

interface RuleFieldsProps {
  idPrefix: string;
  rule: RuleForm;
  errors: FieldErrors;
  onChange(rule: RuleForm): void;
}

/** "When a request looks like this, then use that model or strategy." */
export function RuleFields({ idPrefix, rule, errors, onChange }: RuleFieldsProps) {
  const id = (name: string) => `${idPrefix}-${name}`;
  const text = (key: keyof RuleForm, label: string, errorPath: string, hint?: string) => (
    <Field id={id(key)} label={label} error={errors[errorPath]} hint={hint}>
      <input {...fieldAria(id(key), errors[errorPath], Boolean(hint))} className="input" value={rule[key] as string} onChange={(e) => onChange({ ...rule, [key]: e.target.value })} />
    </Field>
  );
  const tri = (key: 'hasTools' | 'hasImages', label: string) => (
    <Field id={id(key)} label={label} error={errors[`when.${key}`]}>
      <select {...fieldAria(id(key), errors[`when.${key}`])} className="input" value={rule[key]} onChange={(e) => onChange({ ...rule, [key]: e.target.value as TriState })}>
        <option value="">Either</option>
        <option value="yes">Yes</option>
        <option value="no">No</option>
      </select>
    </Field>
  );
  return (
    <div className="stack">
      {text('name', 'Rule name (optional)', 'name')}
      {errors.when && <p className="field-error">{errors.when}</p>}
      <div className="form-grid">
        {text('tag', 'When tag is', 'when.tag', 'From the x-ai-router-tags header.')}
        {text('headerName', 'When header', 'when.header.name')}
        <Field id={id('headerMode')} label="Header test" error={errors['when.header']}>
          <select {...fieldAria(id('headerMode'), errors['when.header'])} className="input" value={rule.headerMode} onChange={(e) => onChange({ ...rule, headerMode: e.target.value as RuleForm['headerMode'] })}>
            <option value="equals">equals</option>
            <option value="matches">matches (regex)</option>
          </select>
        </Field>
        {text('headerValue', 'Header value', rule.headerMode === 'matches' ? 'when.header.matches' : 'when.header.equals')}
        {text('minPromptChars', 'Min prompt chars', 'when.minPromptChars')}
        {text('maxPromptChars', 'Max prompt chars', 'when.maxPromptChars')}
        {tri('hasTools', 'Has tools')}
        {tri('hasImages', 'Has images')}
      </div>
      {rule.metadata && <p className="field-hint">Also matches metadata: {Object.entries(rule.metadata).map(([k, v]) => `${k}=${v}`).join(', ')}</p>}
      {errors.then && <p className="field-error">{errors.then}</p>}
      <div className="form-grid">
        {text('thenModel', 'Then use model', 'then.model')}
        <Field id={id('thenStrategy')} label="Then use strategy" error={errors['then.strategy']}>
          <select {...fieldAria(id('thenStrategy'), errors['then.strategy'])} className="input" value={rule.thenStrategy} onChange={(e) => onChange({ ...rule, thenStrategy: e.target.value as StrategyName | '' })}>
            <option value="">Keep the strategy</option>
            <OptionList values={STRATEGY_NAMES} />
          </select>
        </Field>
      </div>
    </div>
  );
}
