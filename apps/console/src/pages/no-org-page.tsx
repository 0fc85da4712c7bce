import { createOrgSchema, type OrgView } from '@ai-router/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { sessionQueryKey } from '../auth/use-session';
import { EmptyState } from '../components/empty-state';
import { errorMessage } from '../components/error-alert';
import { Field, fieldAria, FormError } from '../components/field';
import { SubmitButton } from '../components/form-actions';
import { validate, type FieldErrors } from '../lib/zod-form';
import { navigate } from '../router/history';
import { orgPath } from '../router/routes';
import { PageHeader } from './page-header';

/** A user without memberships: wait for an invite, or start an organisation of their own. */
export function NoOrgPage() {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: { name: string }) => api.post<OrgView>('/api/orgs', body),
    onSuccess: async (org) => {
      await client.invalidateQueries({ queryKey: sessionQueryKey });
      navigate(orgPath(org.id));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(createOrgSchema, { name });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    create.mutate(result.data);
  };
  return (
    <section className="page">
      <PageHeader title="Welcome" />
      <EmptyState title="You're not in an organisation yet">
        <p>Ask a teammate to invite you, or create an organisation to start routing requests.</p>
        <form className="form inline-form" onSubmit={submit} noValidate>
          <FormError message={create.isError ? errorMessage(create.error) : undefined} />
          <Field id="org-name" label="Organisation name" error={errors.name}>
            <input {...fieldAria('org-name', errors.name)} className="input" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <SubmitButton pending={create.isPending} label="Create organisation" pendingLabel="Creating…" />
        </form>
      </EmptyState>
    </section>
  );
}
