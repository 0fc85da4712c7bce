interface CheckListProps<V extends string> {
  legend: string;
  hint: string;
  error?: string;
  /** Value -> its label, in display order. */
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange(selected: V[]): void;
}

/** A set of checkboxes choosing some of a list (events to send, channels to notify). */
export function CheckList<V extends string>({ legend, hint, error, options, selected, onChange }: CheckListProps<V>) {
  const toggle = (value: V, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field">
      <legend className="field-label">{legend}</legend>
      <p className="field-hint">{hint}</p>
      {error && <p className="field-error">{error}</p>}
      <div className="check-list">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
