import { modelPriceSchema, type ModelPriceRequest, type ModelPriceView } from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { editableDollars } from '../../lib/dollars';
import { optionalInstant, optionalNumber, optionalText, validate, type FieldErrors } from '../../lib/zod-form';

const DOLLAR_FIELDS = [
  ['inputPerMillion', 'Input (per 1M tokens)'],
  ['outputPerMillion', 'Output (per 1M tokens)'],
  ['cachedInputPerMillion', 'Cached input (per 1M tokens)'],
  ['cacheWritePerMillion', 'Cache write (per 1M tokens)'],
  ['perImage', 'Per image'],
  ['perRequest', 'Per request'],
] as const;
type DollarField = (typeof DOLLAR_FIELDS)[number][0];

interface PriceFormProps {
  modelName: string;
  /** The price in force, to start from. */
  current?: ModelPriceView;
  pending: boolean;
  error: unknown;
  onSubmit(body: ModelPriceRequest): void;
  onClose(): void;
}

/** A new price book entry; it applies from its start (now when blank), earlier requests keep their price. */
export function PriceForm({ modelName, current, pending, error, onSubmit, onClose }: PriceFormProps) {
  const [dollars, setDollars] = useState<Record<DollarField, string>>(
    () => Object.fromEntries(DOLLAR_FIELDS.map(([name]) => [name, current ? editableDollars(current[name]) : ''])) as Record<DollarField, string>,
  );
  const [outputLimit, setOutputLimit] = useState(String(current?.outputLimitTokens ?? 4096));
  const [from, setFrom] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amounts = Object.fromEntries(DOLLAR_FIELDS.map(([name]) => [name, optionalText(dollars[name])]));
    const result = validate(modelPriceSchema, { ...amounts, outputLimitTokens: optionalNumber(outputLimit), effectiveFrom: optionalInstant(from) });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data);
  };
  return (
    <Dialog title={`Price of ${modelName}`} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : errors['']} />
        <p className="muted">Dollars, like 3 or 0.15; blank is free. The org's price multiplier and discounts apply on top.</p>
        <div className="form-grid">
          {DOLLAR_FIELDS.map(([name, label]) => (
            <Field key={name} id={`price-${name}`} label={label} error={errors[name]}>
              <input {...fieldAria(`price-${name}`, errors[name])} className="input" inputMode="decimal" value={dollars[name]} onChange={(e) => setDollars((all) => ({ ...all, [name]: e.target.value }))} />
            </Field>
          ))}
          <Field id="price-output-limit" label="Output limit (tokens)" error={errors.outputLimitTokens} hint="Held against the balance for requests that set no max_tokens.">
            <input {...fieldAria('price-output-limit', errors.outputLimitTokens, true)} className="input" inputMode="numeric" value={outputLimit} onChange={(e) => setOutputLimit(e.target.value)} />
          </Field>
          <Field id="price-from" label="Effective from (optional)" error={errors.effectiveFrom} hint="Blank: from now.">
            <input {...fieldAria('price-from', errors.effectiveFrom, true)} className="input" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </Field>
        </div>
        <FormActions pending={pending} label="Save price" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
