import { createApiKeySchema, updateApiKeySchema, type ApiKeyView, type CreateApiKey } from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useModels } from '../../api/org-queries';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { listOf, validate, type FieldErrors } from '../../lib/zod-form';
import { fromLocalInput, toLocalInput } from './expiry-input';
import { ModelsPicker } from './models-picker';

interface ApiKeyFormProps {
  orgId: string;
  /** Editing this key; creating a new one when absent. */
  apiKey?: ApiKeyView;
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateApiKey): void;
  onClose(): void;
}

export function ApiKeyForm({ orgId, apiKey, pending, error, onSubmit, onClose }: ApiKeyFormProps) {
  const models = useModels(orgId);
  const [name, setName] = useState(apiKey?.name ?? '');
  const [allowedModels, setAllowedModels] = useState<string[] | null>(apiKey?.allowedModels ?? null);
  const [ips, setIps] = useState((apiKey?.ipAllowlist ?? []).join('\n'));
  const [expires, setExpires] = useState(toLocalInput(apiKey?.expiresAt ?? null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ipList = listOf(ips);
    const input = { name, allowedModels, ipAllowlist: ipList.length ? ipList : null, expiresAt: fromLocalInput(expires) };
    const result = validate(apiKey ? updateApiKeySchema : createApiKeySchema, input);
    const fieldErrors: FieldErrors = result.ok ? {} : { ...result.errors };
    const ipError = Object.entries(fieldErrors).find(([path]) => path.startsWith('ipAllowlist.'));
    if (ipError) fieldErrors.ipAllowlist = `${ipList[Number(ipError[0].split('.')[1])]}: ${ipError[1]}`;
    if (allowedModels?.length === 0) fieldErrors.allowedModels = 'Choose at least one model, or allow all models.';
    if (!apiKey && input.expiresAt && Date.parse(input.expiresAt) <= Date.now()) fieldErrors.expiresAt = 'Choose a time in the future.';
    if (Object.keys(fieldErrors).length || !result.ok) return setErrors(fieldErrors);
    setErrors({});
    onSubmit(result.data as CreateApiKey);
  };

  return (
    <Dialog title={apiKey ? `Edit ${apiKey.name}` : 'Create API key'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Field id="key-name" label="Name" error={errors.name} hint="Something that says where it is used, like “billing-service prod”.">
          <input {...fieldAria('key-name', errors.name, true)} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        </Field>
        <ModelsPicker models={models} value={allowedModels} onChange={setAllowedModels} error={errors.allowedModels} />
        <Field id="key-ips" label="IP allowlist" error={errors.ipAllowlist} hint="One address or CIDR block per line, like 203.0.113.7 or 10.0.0.0/8. Empty allows any address.">
          <textarea {...fieldAria('key-ips', errors.ipAllowlist, true)} className="input textarea mono" value={ips} onChange={(e) => setIps(e.target.value)} />
        </Field>
        <Field id="key-expires" label="Expires" error={errors.expiresAt} hint="Leave empty for a key that does not expire.">
          <input {...fieldAria('key-expires', errors.expiresAt, true)} className="input" type="datetime-local" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </Field>
        <FormActions pending={pending} label={apiKey ? 'Save changes' : 'Create key'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
