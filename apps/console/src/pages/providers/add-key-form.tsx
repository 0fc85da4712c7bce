import { addProviderKeySchema, type AddProviderKey, type ProviderAccountView } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { optionalNumber, optionalText, validate, type FieldErrors } from '../../lib/zod-form';
import { CredentialFields } from './credential-fields';
import { EMPTY_PROVIDER, type ProviderFormValues } from './provider-form-state';

interface AddKeyFormProps {
  account: ProviderAccountView;
  pending: boolean;
  error: unknown;
  onSubmit(body: AddProviderKey): void;
  onClose(): void;
}

/** Another credential for the account's key pool; requests spread over the pool's healthy keys. */
export function AddKeyForm({ account, pending, error, onSubmit, onClose }: AddKeyFormProps) {
  const [label, setLabel] = useState('');
  const [rpm, setRpm] = useState('');
  const [tpm, setTpm] = useState('');
  const [secret, setSecret] = useState<ProviderFormValues>({ ...EMPTY_PROVIDER, kind: account.kind });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (key: keyof ProviderFormValues) => (event: { target: { value: string } }) => setSecret((v) => ({ ...v, [key]: event.target.value }));
  const bedrock = account.kind === 'bedrock';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      label,
      apiKey: bedrock || secret.apiKey === '' ? undefined : secret.apiKey,
      awsCredentials: bedrock
        ? { accessKeyId: secret.accessKeyId.trim(), secretAccessKey: secret.secretAccessKey.trim(), sessionToken: optionalText(secret.sessionToken) }
        : undefined,
      rpmLimit: optionalNumber(rpm),
      tpmLimit: optionalNumber(tpm),
    };
    const result = validate(addProviderKeySchema, input);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data);
  };

  return (
    <Dialog title={`Add key to ${account.name}`} onClose={onClose} locked={pending}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Field id="key-label" label="Label" error={errors.label} hint="Tells keys apart in the pool, like “team-b quota”.">
          <input {...fieldAria('key-label', errors.label, true)} className="input" value={label} onChange={(e) => setLabel(e.target.value)} autoFocus />
        </Field>
        <CredentialFields values={secret} errors={errors} set={set} needsKey />
        <div className="form-grid">
          <Field id="key-rpm" label="Requests per minute (optional)" error={errors.rpmLimit}>
            <input {...fieldAria('key-rpm', errors.rpmLimit)} className="input" inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} />
          </Field>
          <Field id="key-tpm" label="Tokens per minute (optional)" error={errors.tpmLimit}>
            <input {...fieldAria('key-tpm', errors.tpmLimit)} className="input" inputMode="numeric" value={tpm} onChange={(e) => setTpm(e.target.value)} />
          </Field>
        </div>
        <FormActions pending={pending} label="Add key" pendingLabel="Adding…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
