import { createProviderAccountSchema, type CreateProviderAccount, type ProviderKindName } from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { QueryState } from '../../components/query-state';
import { validate, type FieldErrors } from '../../lib/zod-form';
import { CredentialFields } from './credential-fields';
import { defaultBaseUrlOf, EMPTY_PROVIDER, needsApiKey, toCreateInput, type ProviderFormValues } from './provider-form-state';
import { KIND_LABELS, useProviderPresets, type ProviderPresets } from './use-providers';

interface ProviderFormProps {
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateProviderAccount): void;
  onClose(): void;
}

export function ProviderForm(props: ProviderFormProps) {
  const presets = useProviderPresets();
  return (
    <Dialog title="Add provider" onClose={props.onClose} locked={props.pending} wide>
      <QueryState query={presets} label="provider kinds">
        {(data) => <ProviderFields presets={data} {...props} />}
      </QueryState>
    </Dialog>
  );
}

function ProviderFields({ presets, pending, error, onSubmit, onClose }: ProviderFormProps & { presets: ProviderPresets }) {
  const [values, setValues] = useState<ProviderFormValues>(EMPTY_PROVIDER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);
  const set = (key: keyof ProviderFormValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));
  const fallbackUrl = defaultBaseUrlOf(values, presets);
  const needsKey = needsApiKey(values, presets);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createProviderAccountSchema, toCreateInput(values));
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    if (needsKey && values.apiKey === '') fieldErrors.apiKey ??= "Enter the provider's API key.";
    if (!fallbackUrl && values.baseUrl.trim() === '' && values.kind !== 'bedrock') fieldErrors.baseUrl ??= 'Enter the base URL of this provider.';
    if (!result.ok || Object.keys(fieldErrors).length) return setErrors(fieldErrors);
    setErrors({});
    onSubmit(result.data);
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <FormError message={error ? errorMessage(error) : undefined} />
      <div className="form-grid">
        <Field id="provider-name" label="Name" error={errors.name} hint="Unique in this organisation, like “openai-prod”.">
          <input {...fieldAria('provider-name', errors.name, true)} className="input" value={values.name} onChange={set('name')} autoFocus />
        </Field>
        <Field id="provider-kind" label="Kind" error={errors.kind}>
          <select {...fieldAria('provider-kind', errors.kind)} className="input" value={values.kind} onChange={(e) => setValues((v) => ({ ...v, kind: e.target.value as ProviderKindName }))}>
            {presets.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {KIND_LABELS[k.kind] ?? k.kind}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {values.kind === 'openai-compatible' && (
        <Field id="provider-vendor" label="Vendor" error={errors.vendor} hint="A preset fills in the endpoint and the vendor's quirks.">
          <select {...fieldAria('provider-vendor', errors.vendor, true)} className="input" value={values.vendor} onChange={set('vendor')}>
            {presets.vendors.map((v) => (
              <option key={v.name} value={v.name}>
                {v.displayName}
              </option>
            ))}
          </select>
        </Field>
      )}
      {values.kind === 'bedrock' ? (
        <Field id="provider-region" label="AWS region" error={errors['settings.region']} hint="For example us-east-1.">
          <input {...fieldAria('provider-region', errors['settings.region'], true)} className="input" value={values.region} onChange={set('region')} />
        </Field>
      ) : null}
      <div className="form-grid">
        <Field
          id="provider-base-url"
          label={values.kind === 'azure-openai' ? 'Endpoint' : fallbackUrl ? 'Base URL (optional)' : 'Base URL'}
          error={errors.baseUrl}
          hint={values.kind === 'azure-openai' ? 'https://<resource>.openai.azure.com' : fallbackUrl ? `Leave empty for ${fallbackUrl}` : undefined}
        >
          <input {...fieldAria('provider-base-url', errors.baseUrl, true)} className="input" type="url" placeholder={fallbackUrl ?? 'https://'} value={values.baseUrl} onChange={set('baseUrl')} />
        </Field>
        {values.kind === 'azure-openai' && (
          <Field id="provider-api-version" label="API version (optional)" error={errors['settings.apiVersion']} hint="YYYY-MM-DD, YYYY-MM-DD-preview or v1.">
            <input {...fieldAria('provider-api-version', errors['settings.apiVersion'], true)} className="input" placeholder="2024-10-21" value={values.apiVersion} onChange={set('apiVersion')} />
          </Field>
        )}
      </div>
      <CredentialFields values={values} errors={errors} set={set} needsKey={needsKey} />
      <FormActions pending={pending} label="Add provider" pendingLabel="Adding…" onCancel={onClose} />
    </form>
  );
}
