import { topUpSchema, type TopUp } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { optionalText, validate, type FieldErrors } from '../../lib/zod-form';

interface TopUpFormProps {
  pending: boolean;
  error: unknown;
  onSubmit(body: TopUp): void;
  onClose(): void;
}

/** Money in: the platform owner credits the org's prepaid balance. */
export function TopUpForm({ pending, error, onSubmit, onClose }: TopUpFormProps) {
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(topUpSchema, { amount, note: optionalText(note) });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data);
  };
  return (
    <Dialog title="Top up balance" onClose={onClose} locked={pending}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Field id="topup-amount" label="Amount (USD)" error={errors.amount} hint="Dollars, up to 9 decimals, like 25 or 12.50.">
          <input {...fieldAria('topup-amount', errors.amount, true)} className="input" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} autoFocus />
        </Field>
        <Field id="topup-note" label="Note (optional)" error={errors.note} hint="Shown in the ledger, like a payment reference.">
          <input {...fieldAria('topup-note', errors.note, true)} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        </Field>
        <FormActions pending={pending} label="Add funds" pendingLabel="Adding…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
