import './meters.css';

interface SegmentedProps<T extends string> {
  /** Names the group: "Time window". */
  label: string;
  options: readonly T[];
  value: T;
  onChange(value: NoInfer<T>): void;
  /** Button text per option; the option itself when absent. */
  names?: Partial<Record<NoInfer<T>, string>>;
}

/** A small set of mutually exclusive views (time windows, periods); each is a toggle button. */
export function Segmented<T extends string>({ label, options, value, onChange, names }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button key={option} type="button" className="segmented-option" aria-pressed={option === value} onClick={() => onChange(option)}>
          {names?.[option] ?? option}
        </button>
      ))}
    </div>
  );
}
