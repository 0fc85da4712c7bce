import { updateOrgSchema, type OrgView, type UpdateOrg } from '@ai-router/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';
import { errorMessage } from '../../components/error-alert';
import { FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { errorsUnder, validate, type FieldErrors } from '../../lib/zod-form';
import { toRoutingForm, toRoutingInput, type RoutingForm } from '../../routing-config/routing-form';
import { RoutingSection } from '../../routing-config/routing-section';
import { RoutingSummary } from './routing-summary';

/** The org's default routing, for models that have none of their own. Admins edit it; others read it. */
export function DefaultRoutingCard({ org, canEdit }: { org: OrgView; canEdit: boolean }) {
  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Default strategy</h2>
          <p className="card-subtitle">Applies to every model of {org.name} that has no routing of its own.</p>
        </div>
      </div>
      <div className="card-body">{canEdit ? <DefaultRoutingForm org={org} /> : <RoutingSummary config={org.routing} />}</div>
    </div>
  );
}

function DefaultRoutingForm({ org }: { org: OrgView }) {
  const invalidate = useInvalidate();
  const [form, setForm] = useState<RoutingForm | null>(org.routing ? toRoutingForm(org.routing) : null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: UpdateOrg) => api.patch<OrgView>(orgApi(org.id), body),
    onSettled: () => invalidate(orgKeys.org(org.id)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = validate(updateOrgSchema, { routing: form ? toRoutingInput(form) : null });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    save.mutate(result.data);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError message={save.isError ? errorMessage(save.error) : undefined} />
      {save.isSuccess && (
        <div className="alert alert-success" role="status">
          Saved. New requests use it within a second.
        </div>
      )}
      <RoutingSection
        idPrefix="org-routing"
        form={form}
        defaultForm={toRoutingForm(null)}
        onChange={(next) => {
          setForm(next);
          save.reset();
        }}
        errors={errorsUnder(errors, 'routing')}
        inheritLabel="Built-in default (priority-failover)"
      />
      <div>
        <SubmitButton pending={save.isPending} label="Save default" pendingLabel="Saving…" />
      </div>
    </form>
  );
}
