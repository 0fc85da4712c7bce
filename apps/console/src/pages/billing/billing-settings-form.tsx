import { billingSettingsSchema, type BillingSettings, type BillingView } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { optionalNumber, validate, type FieldErrors } from '../../lib/zod-form';

interface BillingSettingsFormProps {
  billing: BillingView;
  pending: boolean;
  error: unknown;
  onSubmit(body: BillingSettings): void;
  onClose(): void;
}

/** Whether the org is charged, and its price multiplier over the price book (platform owner only). */
export function BillingSettingsForm({ billing, pending, error, onSubmit, onClose }: BillingSettingsFormProps) {
  const [enabled, setEnabled] = useState(billing.enabled);
  const [multiplier, setMultiplier] = useState(String(billing.priceMultiplierBp));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(billingSettingsSchema, { enabled, priceMultiplierBp: optionalNumber(multiplier) });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data);
  };
  return (
    <Dialog title="Billing settings" onClose={onClose} locked={pending}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Charge this organisation's requests against its prepaid balance
        </label>
        <Field id="billing-multiplier" label="Price multiplier (basis points)" error={errors.priceMultiplierBp} hint="10000 charges the price book as is; 15000 charges ×1.5.">
          <input {...fieldAria('billing-multiplier', errors.priceMultiplierBp, true)} className="input" inputMode="numeric" value={multiplier} onChange={(e) => setMultiplier(e.target.value)} />
        </Field>
        <FormActions pending={pending} label="Save settings" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
