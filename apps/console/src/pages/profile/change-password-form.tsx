import { changePasswordSchema, type ChangePassword } from '@ai-router/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Field, fieldAria, FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { validate, type FieldErrors } from '../../lib/zod-form';

const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

/** Changing the password signs out every other session of the account (the API revokes them). */
export function ChangePasswordForm() {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useMutation({
    mutationFn: (body: ChangePassword) => api.post<void>('/api/auth/password', body),
    onSuccess: () => setValues(EMPTY),
    onError: (error) => {
      if (error instanceof ApiError && error.param === 'currentPassword') setErrors({ currentPassword: 'This is not your current password.' });
    },
  });
  const set = (key: keyof typeof EMPTY) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(changePasswordSchema, { currentPassword: values.currentPassword, newPassword: values.newPassword });
    const fieldErrors = result.ok ? {} : result.errors;
    if (values.confirm !== values.newPassword) fieldErrors.confirm = 'The new passwords do not match.';
    if (!result.ok || fieldErrors.confirm) return setErrors(fieldErrors);
    setErrors({});
    change.mutate(result.data);
  };

  const apiError = change.isError && !(change.error instanceof ApiError && change.error.param) ? change.error.message : undefined;
  return (
    <form className="card" onSubmit={submit} noValidate>
      <div className="card-header">
        <div>
          <h2>Change password</h2>
          <p className="card-subtitle">Your other sessions are signed out when the password changes.</p>
        </div>
      </div>
      <div className="card-body form narrow-form">
        {change.isSuccess && (
          <div className="alert alert-success" role="status">
            Password changed.
          </div>
        )}
        <FormError message={apiError} />
        <Field id="current-password" label="Current password" error={errors.currentPassword}>
          <input {...fieldAria('current-password', errors.currentPassword)} className="input" type="password" autoComplete="current-password" value={values.currentPassword} onChange={set('currentPassword')} />
        </Field>
        <Field id="new-password" label="New password" error={errors.newPassword} hint="At least 10 characters.">
          <input {...fieldAria('new-password', errors.newPassword, true)} className="input" type="password" autoComplete="new-password" value={values.newPassword} onChange={set('newPassword')} />
        </Field>
        <Field id="confirm-password" label="Confirm new password" error={errors.confirm}>
          <input {...fieldAria('confirm-password', errors.confirm)} className="input" type="password" autoComplete="new-password" value={values.confirm} onChange={set('confirm')} />
        </Field>
        <div>
          <SubmitButton pending={change.isPending} label="Change password" pendingLabel="Saving…" />
        </div>
      </div>
    </form>
  );
}
