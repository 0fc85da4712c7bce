import { createCouponSchema, createRedemptionCodeSchema, type PromoCodeKind } from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { optionalInstant, optionalNumber, optionalText, validate, type FieldErrors } from '../../lib/zod-form';
import type { CreatePromo } from './use-promo-codes';

interface PromoCodeFormProps {
  kind: PromoCodeKind;
  pending: boolean;
  error: unknown;
  onSubmit(input: CreatePromo): void;
  onClose(): void;
}

/** A redemption code (credit, like a gift card) or a coupon (credit, or a percent off usage for a while). */
export function PromoCodeForm({ kind, pending, error, onSubmit, onClose }: PromoCodeFormProps) {
  const [type, setType] = useState<'fixed' | 'percent'>('fixed');
  const [amount, setAmount] = useState('');
  const [percent, setPercent] = useState('');
  const [cap, setCap] = useState('');
  const [until, setUntil] = useState('');
  const [uses, setUses] = useState('1');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { maxRedemptions: optionalNumber(uses), note: optionalText(note) };
    if (kind === 'redemption') {
      const result = validate(createRedemptionCodeSchema, { amount: amount.trim(), expiresAt: optionalInstant(until), ...common });
      if (!result.ok) return setErrors({ ...result.errors, until: result.errors.expiresAt ?? '' });
      setErrors({});
      return onSubmit({ kind, body: result.data });
    }
    const body = type === 'fixed'
      ? { type, amount: amount.trim(), validUntil: optionalInstant(until), ...common }
      // The percent is typed as a percent; the API takes basis points (25% = 2500).
      : { type, percentBp: percent.trim() === '' ? undefined : Math.round(Number(percent) * 100), cap: optionalText(cap), validUntil: optionalInstant(until), ...common };
    const result = validate(createCouponSchema, body);
    if (!result.ok) return setErrors({ ...result.errors, until: result.errors.validUntil ?? '', percent: result.errors.percentBp ?? '' });
    setErrors({});
    onSubmit({ kind, body: result.data });
  };

  const field = (id: string, label: string, value: string, set: (v: string) => void, error: string | undefined, hint?: string, type = 'text') => (
    <Field id={id} label={label} error={error || undefined} hint={hint}>
      <input {...fieldAria(id, error || undefined, Boolean(hint))} className="input" type={type} value={value} onChange={(e) => set(e.target.value)} />
    </Field>
  );
  return (
    <Dialog title={kind === 'redemption' ? 'New redemption code' : 'New coupon'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : errors['']} />
        {kind === 'coupon' && (
          <Field id="promo-type" label="Gives">
            <select id="promo-type" className="input" value={type} onChange={(e) => setType(e.target.value as 'fixed' | 'percent')}>
              <option value="fixed">Credit to the balance</option>
              <option value="percent">A percent off usage charges</option>
            </select>
          </Field>
        )}
        <div className="form-grid">
          {type === 'fixed' || kind === 'redemption'
            ? field('promo-amount', 'Amount (USD)', amount, setAmount, errors.amount, 'Dollars credited on redemption, like 20.00.')
            : (
              <>
                {field('promo-percent', 'Percent off', percent, setPercent, errors.percent, 'Like 25 for 25% off, until it ends.')}
                {field('promo-cap', 'Cap (USD, optional)', cap, setCap, errors.cap, 'The most it takes off for one org.')}
              </>
            )}
          {field('promo-uses', 'Uses', uses, setUses, errors.maxRedemptions, 'How many orgs may redeem it, each once.')}
          {field('promo-until', kind === 'redemption' ? 'Expires (optional)' : 'Valid until (optional)', until, setUntil, errors.until, undefined, 'datetime-local')}
        </div>
        {field('promo-note', 'Note (optional)', note, setNote, errors.note, 'For you: who it is for, or why.')}
        <FormActions pending={pending} label={kind === 'redemption' ? 'Create code' : 'Create coupon'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
