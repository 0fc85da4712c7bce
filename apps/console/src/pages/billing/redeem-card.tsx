import { redeemCodeSchema, type RedeemCode, type RedemptionView } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { Field, fieldAria } from '../../components/field';
import { formatDollars } from '../../lib/dollars';
import { formatDate } from '../../lib/format';
import { validate } from '../../lib/zod-form';

interface RedeemCardProps {
  pending: boolean;
  error: unknown;
  /** The last successful redemption, to say what it gave. */
  result: RedemptionView | undefined;
  /** `redeemed` clears the field once the code was taken; a refused one stays for correcting. */
  onSubmit(body: RedeemCode, redeemed: () => void): void;
}

/** What a redemption gave the org, in one sentence. */
export function redemptionMessage(r: RedemptionView): string {
  if (r.credited !== null) return `${formatDollars(r.credited)} credited. The balance is now ${formatDollars(r.balance)}.`;
  const until = r.validUntil ? ` until ${formatDate(r.validUntil)}` : '';
  return `Coupon applied: ${(r.percentBp ?? 0) / 100}% off usage charges${until}.`;
}

/** An org admin turns a redemption code or coupon from the platform operator into credit. */
export function RedeemCard({ pending, error, result, onSubmit }: RedeemCardProps) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = validate(redeemCodeSchema, { code });
    if (!check.ok) return setInvalid(check.errors.code ?? check.errors['']);
    setInvalid(undefined);
    onSubmit(check.data, () => setCode(''));
  };
  return (
    <div className="card">
      <div className="card-header">
        <h2>Redeem a code</h2>
        <p className="card-subtitle">A redemption code or coupon from the platform operator adds credit or a discount to this org.</p>
      </div>
      <form className="card-body form" onSubmit={submit} noValidate>
        {error !== null && error !== undefined && <ErrorAlert title="Not redeemed." error={error} />}
        {result && !error && (
          <p className="alert alert-success" role="status">
            {redemptionMessage(result)}
          </p>
        )}
        <Field id="redeem-code" label="Code" error={invalid}>
          <input {...fieldAria('redeem-code', invalid)} className="input" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} />
        </Field>
        <div>
          <button type="submit" className="button button-primary" disabled={pending}>
            {pending ? 'Redeeming…' : 'Redeem'}
          </button>
        </div>
      </form>
    </div>
  );
}
