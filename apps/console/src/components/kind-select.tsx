import { Field, fieldAria } from './field';

interface KindSelectProps<K extends string> {
  id: string;
  label: string;
  kinds: readonly K[];
  labels: Record<K, string>;
  value: K;
  /** Editing: the kind of a saved thing cannot change. */
  fixed: boolean;
  hint: string | undefined;
  error: string | undefined;
  onChange(kind: K): void;
}

/** The kind of a channel or rule, which decides the form's other fields; fixed once saved. */
export function KindSelect<K extends string>({ id, label, kinds, labels, value, fixed, hint, error, onChange }: KindSelectProps<K>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select {...fieldAria(id, error, Boolean(hint))} className="input" value={value} disabled={fixed} onChange={(e) => onChange(e.target.value as K)}>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {labels[k]}
          </option>
        ))}
      </select>
    </Field>
  );
}
