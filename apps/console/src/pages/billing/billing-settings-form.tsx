import { billingSettingsSchema, type BillingSettings, type BillingView } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { optionalNumber, optionalText, validate, type FieldErrors } from '../../lib/zod-form';

interface BillingSettingsFormProps {
  billing: BillingView;
  pending: boolean;
  error: unknown;
  onSubmit(body: BillingSettings): void;
  onClose(): void;
}

/** Whether the org is charged, its prices over the price book, and the low-balance rules (platform owner only). */
export function BillingSettingsForm({ billing, pending, error, onSubmit, onClose }: BillingSettingsFormProps) {
  const [enabled, setEnabled] = useState(billing.enabled);
  const [multiplier, setMultiplier] = useState(String(billing.priceMultiplierBp));
  const [discount, setDiscount] = useState(String(billing.planDiscountBp));
  const [threshold, setThreshold] = useState(billing.lowBalanceThreshold ?? '');
  const [recharge, setRecharge] = useState(billing.autoRecharge.enabled);
  const [rechargeAmount, setRechargeAmount] = useState(billing.autoRecharge.amount);
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(billingSettingsSchema, {
      enabled,
      priceMultiplierBp: optionalNumber(multiplier),
      planDiscountBp: optionalNumber(discount),
      lowBalanceThreshold: optionalText(threshold) ?? null,
      autoRecharge: { enabled: recharge, amount: rechargeAmount },
    });
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
        <Field id="billing-discount" label="Plan discount (basis points)" error={errors.planDiscountBp} hint="Off usage charges: 1000 is 10% off; 0 for none.">
          <input {...fieldAria('billing-discount', errors.planDiscountBp, true)} className="input" inputMode="numeric" value={discount} onChange={(e) => setDiscount(e.target.value)} />
        </Field>
        <Field id="billing-threshold" label="Low-balance notice below (USD)" error={errors.lowBalanceThreshold} hint="Sends a balance.low notification when a charge crosses it. Empty turns it off.">
          <input {...fieldAria('billing-threshold', errors.lowBalanceThreshold, true)} className="input" inputMode="decimal" value={threshold} onChange={(e) => setThreshold(e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={recharge} onChange={(e) => setRecharge(e.target.checked)} />
          On a low balance, also request an automatic recharge
        </label>
        {recharge && (
          <Field id="billing-recharge" label="Recharge amount (USD)" error={errors['autoRecharge.amount']} hint="Asked of your payment system with a balance.recharge_requested event.">
            <input {...fieldAria('billing-recharge', errors['autoRecharge.amount'], true)} className="input" inputMode="decimal" value={rechargeAmount} onChange={(e) => setRechargeAmount(e.target.value)} />
          </Field>
        )}
        <FormActions pending={pending} label="Save settings" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
