import { createDeploymentSchema, updateDeploymentSchema, type CreateDeployment, type DeploymentView, type ModelView, type ProviderAccountView } from '@ai-router/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { FormError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { QueryState } from '../../components/query-state';
import { validate, type FieldErrors } from '../../lib/zod-form';
import { DeploymentFields, deploymentValues, emptyDeployment, toDeploymentInput } from './deployment-fields';

interface DeploymentFormProps {
  model: ModelView;
  /** Editing this deployment; adding one when absent. */
  deployment?: DeploymentView;
  accounts: UseQueryResult<ProviderAccountView[]>;
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateDeployment): void;
  onClose(): void;
}

export function DeploymentForm({ model, deployment, accounts, pending, error, onSubmit, onClose }: DeploymentFormProps) {
  return (
    <Dialog title={deployment ? `Edit deployment of ${model.name}` : `Add deployment to ${model.name}`} onClose={onClose} locked={pending}>
      <QueryState query={accounts} label="providers">
        {(list) => <Fields list={list} deployment={deployment} pending={pending} error={error} onSubmit={onSubmit} onClose={onClose} />}
      </QueryState>
    </Dialog>
  );
}

function Fields({ list, deployment, pending, error, onSubmit, onClose }: Omit<DeploymentFormProps, 'model' | 'accounts'> & { list: ProviderAccountView[] }) {
  const [values, setValues] = useState(() => (deployment ? deploymentValues(deployment) : emptyDeployment(list)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = deployment
      ? validate(updateDeploymentSchema, toDeploymentInput(values, 'edit'))
      : validate(createDeploymentSchema, toDeploymentInput(values, 'create'));
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data as CreateDeployment);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError message={error ? errorMessage(error) : undefined} />
      {errors.providerAccountId && !deployment && list.length === 0 && <p className="alert alert-warning">Add a provider first.</p>}
      <DeploymentFields idPrefix="deployment" values={values} onChange={setValues} errors={errors} accounts={deployment ? undefined : list} />
      <FormActions pending={pending} label={deployment ? 'Save deployment' : 'Add deployment'} onCancel={onClose} />
    </form>
  );
}
