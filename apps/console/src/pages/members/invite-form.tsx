import { createInviteSchema, ORG_ROLES, type CreateInvite, type OrgRoleName } from '@ai-router/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, OptionList } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { validate, type FieldErrors } from '../../lib/zod-form';

export const ROLE_HELP: Record<OrgRoleName, string> = {
  admin: 'Everything: providers, models, keys, members, settings and the audit log.',
  developer: 'Their own API keys; reads models and usage.',
  viewer: 'Reads models, routing and usage; changes nothing.',
};

interface InviteFormProps {
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateInvite): void;
  onClose(): void;
}

export function InviteForm({ pending, error, onSubmit, onClose }: InviteFormProps) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRoleName>('developer');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createInviteSchema, { email, role });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data);
  };
  return (
    <Dialog title="Invite a member" onClose={onClose} locked={pending}>
      <form className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : undefined} />
        <Field id="invite-email" label="Email" error={errors.email}>
          <input {...fieldAria('invite-email', errors.email)} className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoFocus />
        </Field>
        <Field id="invite-role" label="Role" error={errors.role} hint={ROLE_HELP[role]}>
          <select {...fieldAria('invite-role', errors.role, true)} className="input" value={role} onChange={(e) => setRole(e.target.value as OrgRoleName)}>
            <OptionList values={ORG_ROLES} />
          </select>
        </Field>
        <p className="field-hint">You get a link to send them; the console does not send email.</p>
        <FormActions pending={pending} label="Create invite" pendingLabel="Inviting…" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
