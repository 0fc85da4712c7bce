import type { ModelView } from '@ai-router/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state';

interface ModelsPickerProps {
  models: UseQueryResult<ModelView[]>;
  /** null = every model of the org, now and later. */
  value: string[] | null;
  onChange(value: string[] | null): void;
  error?: string;
}

/** Which of the org's models a key may call. */
export function ModelsPicker({ models, value, onChange, error }: ModelsPickerProps) {
  const restricted = value !== null;
  const toggle = (name: string, checked: boolean) => {
    const current = value ?? [];
    onChange(checked ? [...current, name] : current.filter((n) => n !== name));
  };
  return (
    <fieldset className="group">
      <legend>Allowed models</legend>
      <div className="inline">
        <label className="check">
          <input type="radio" name="model-scope" checked={!restricted} onChange={() => onChange(null)} />
          All models
        </label>
        <label className="check">
          <input type="radio" name="model-scope" checked={restricted} onChange={() => onChange(value ?? [])} />
          Only these
        </label>
      </div>
      {restricted && (
        <QueryState query={models} label="models" isEmpty={(m) => m.length === 0} empty={<p className="muted">This organisation has no models yet.</p>}>
          {(list) => (
            <div className="check-list" role="group" aria-label="Models this key may call">
              {list.map((m) => (
                <label key={m.id} className="check">
                  <input type="checkbox" checked={value.includes(m.name)} onChange={(e) => toggle(m.name, e.target.checked)} />
                  {m.name}
                </label>
              ))}
            </div>
          )}
        </QueryState>
      )}
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
