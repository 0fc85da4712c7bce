import { useId, useState } from 'react';
import { SmallButton } from '../../components/small-button';

interface FallbackPickerProps {
  value: string[];
  /** Models that can be added (every other model of the org). */
  options: string[];
  onChange(value: string[]): void;
  error?: string;
}

/** An ordered list: when every deployment of this model fails, these are tried in turn. */
export function FallbackPicker({ value, options, onChange, error }: FallbackPickerProps) {
  const id = useId();
  const [choice, setChoice] = useState('');
  const available = options.filter((o) => !value.includes(o));
  return (
    <div className="field">
      <label htmlFor={id}>Fallback models</label>
      {value.length > 0 && (
        <ol className="fallback-list">
          {value.map((name) => (
            <li key={name}>
              <code>{name}</code>
              <SmallButton label="Remove" target={`fallback ${name}`} onClick={() => onChange(value.filter((v) => v !== name))} />
            </li>
          ))}
        </ol>
      )}
      <div className="inline">
        <select id={id} className="input grow" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{available.length ? 'Choose a model…' : 'No other models'}</option>
          {available.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={!choice}
          onClick={() => {
            onChange([...value, choice]);
            setChoice('');
          }}
        >
          Add fallback
        </button>
      </div>
      <p className="field-hint">Tried in this order when every deployment of this model has failed.</p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
