interface LabelledSelectProps<V extends string> {
  label: string;
  value: V;
  /** Value -> the text shown for it, in display order. */
  options: Readonly<Record<NoInfer<V>, string>>;
  onChange(value: NoInfer<V>): void;
}

/** A compact select with its label inline, for toolbars (period, grouping, filters). */
export function LabelledSelect<V extends string>({ label, value, options, onChange }: LabelledSelectProps<V>) {
  return (
    <label className="inline muted">
      {label}
      <select className="select" value={value} onChange={(e) => onChange(e.target.value as V)}>
        {(Object.entries(options) as [V, string][]).map(([id, text]) => (
          <option key={id} value={id}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
