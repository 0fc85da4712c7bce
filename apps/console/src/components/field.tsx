import { useEffect, type ReactNode, type RefObject } from 'react';

interface FieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}

/** A label, its control, a hint and an error, tied together for assistive tech via fieldAria. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Props for the control inside a Field. */
export function fieldAria(id: string, error: string | undefined, hasHint = false) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hasHint ? `${id}-hint` : undefined,
  } as const;
}

/** The error of the whole form (a failed request, or a rule spanning fields). */
export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert-error" role="alert">
      {message}
    </div>
  );
}

/** After a failed submit, brings the first invalid field of a long form into view and focuses it. */
export function useRevealFirstError(form: RefObject<HTMLFormElement | null>, errors: Record<string, string>) {
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field-error');
    target?.scrollIntoView({ block: 'center' });
    if (target?.matches('input, select, textarea')) target.focus({ preventScroll: true });
  }, [form, errors]);
}

/** One <option> per value, labelled by the value itself: roles, strategies, check modes. */
export function OptionList({ values }: { values: readonly string[] }) {
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {value}
        </option>
      ))}
    </>
  );
}
