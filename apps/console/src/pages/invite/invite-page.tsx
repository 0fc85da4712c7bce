import { acceptInviteSchema, type AcceptedInvite, type TokenPair } from '@ai-router/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { tokenStore } from '../../api/token-store';
import { AuthCard } from '../../auth/auth-card';
import { sessionQueryKey } from '../../auth/use-session';
import { Field, fieldAria, FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { optionalText, validate, type FieldErrors } from '../../lib/zod-form';
import { navigate } from '../../router/history';
import { orgPath } from '../../router/routes';

type Accepted = AcceptedInvite & Partial<TokenPair>;

/** Public: the token in the address is the credential. New accounts choose a name and password here. */
export function InvitePage({ token, signedIn }: { token: string; signedIn: boolean }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const client = useQueryClient();
  useEffect(() => {
    document.title = 'Accept invite · AI Router';
  }, []);

  const accept = useMutation({
    mutationFn: (body: { token: string; name?: string; password?: string }) => api.post<Accepted>('/api/invites/accept', body),
    onSuccess: async (result) => {
      if (result.accessToken) {
        tokenStore.setSession(result.accessToken, result.refreshToken ?? null);
        navigate(orgPath(result.orgId));
      } else if (signedIn) {
        await client.invalidateQueries({ queryKey: sessionQueryKey });
        navigate(orgPath(result.orgId));
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.param === 'name' || error.param === 'password')) {
        setErrors({ [error.param]: 'No account exists for the invited email yet: choose a name and a password to create it.' });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (accept.isPending) return;
    const input = { token, name: optionalText(name), password: password === '' ? undefined : password };
    const result = validate(acceptInviteSchema, input);
    const fieldErrors = result.ok ? {} : result.errors;
    if (input.password !== undefined && confirm !== password) fieldErrors.confirm = 'The passwords do not match.';
    if (!result.ok || fieldErrors.confirm) return setErrors(fieldErrors);
    setErrors({});
    accept.mutate(result.data);
  };

  const done = accept.isSuccess && !accept.data.accessToken && !signedIn;
  const formError = accept.isError && !(accept.error instanceof ApiError && accept.error.param) ? accept.error.message
    : errors.token && 'This invite link is incomplete. Open the whole link from your invitation.';
  return (
    <AuthCard title="Join your team">
      {done ? (
        <div className="form">
          <div className="alert alert-success" role="status">
            You joined the organisation as {accept.data.email}. Sign in with your existing account to continue.
          </div>
          <button type="button" className="button button-primary button-block" onClick={() => navigate(orgPath(accept.data.orgId))}>
            Continue to sign in
          </button>
        </div>
      ) : (
        <>
          <p className="muted">
            You've been invited to an organisation on AI Router. New here? Choose your name and a password. Already have an account
            for the invited email? Leave them empty.
          </p>
          <form className="form" onSubmit={submit} noValidate>
            <FormError message={formError} />
            <Field id="invite-name" label="Your name" error={errors.name}>
              <input {...fieldAria('invite-name', errors.name)} className="input" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field id="invite-password" label="Password" error={errors.password} hint="At least 10 characters.">
              <input
                {...fieldAria('invite-password', errors.password, true)}
                className="input"
                type="password"
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <Field id="invite-confirm" label="Confirm password" error={errors.confirm}>
              <input
                {...fieldAria('invite-confirm', errors.confirm)}
                className="input"
                type="password"
                autoComplete="new-password"
                value={confirm}
                onChange={(e) => setConfirm(e.target.value)}
              />
            </Field>
            <SubmitButton pending={accept.isPending} label="Accept invite" pendingLabel="Joining…" block />
          </form>
        </>
      )}
    </AuthCard>
  );
}
