import { createModelSchema, HEALTH_CHECK_MODES, updateModelSchema, type CreateModel, type HealthCheckMode, type ModelView, type ProviderAccountView } from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError, OptionList } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { errorsUnder, optionalText, validate, type FieldErrors } from '../../lib/zod-form';
import { toRoutingForm, toRoutingInput, type RoutingForm } from '../../routing-config/routing-form';
import { RoutingSection } from '../../routing-config/routing-section';
import { DeploymentFields, emptyDeployment, toDeploymentInput, type DeploymentValues } from './deployment-fields';
import { FallbackPicker } from './fallback-picker';

interface ModelFormProps {
  /** Editing this model; creating one when absent. */
  model?: ModelView;
  modelNames: string[];
  /** The org's provider accounts, for a new model's first deployment. */
  accounts: ProviderAccountView[];
  pending: boolean;
  error: unknown;
  onSubmit(body: CreateModel): void;
  onClose(): void;
}

const HEALTH_HELP: Record<HealthCheckMode, string> = {
  off: 'No probes.',
  chat: 'Probe with a tiny chat request.',
  embedding: 'Probe with a tiny embedding request.',
};

export function ModelForm({ model, modelNames, accounts, pending, error, onSubmit, onClose }: ModelFormProps) {
  const [name, setName] = useState(model?.name ?? '');
  const [description, setDescription] = useState(model?.description ?? '');
  const [enabled, setEnabled] = useState(model?.enabled ?? true);
  const [healthCheck, setHealthCheck] = useState<HealthCheckMode>(model?.healthCheck ?? 'chat');
  const [fallbacks, setFallbacks] = useState(model?.fallbackModels ?? []);
  const [routing, setRouting] = useState<RoutingForm | null>(model?.routing ? toRoutingForm(model.routing) : null);
  const [firstDeployment, setFirstDeployment] = useState<DeploymentValues | null>(model || accounts.length === 0 ? null : emptyDeployment(accounts));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const common = { name, enabled, healthCheck, fallbackModels: fallbacks, routing: routing ? toRoutingInput(routing) : null };
    const result = model
      ? validate(updateModelSchema, { ...common, description: optionalText(description) ?? null })
      : validate(createModelSchema, {
          ...common,
          description: optionalText(description),
          deployments: firstDeployment ? [toDeploymentInput(firstDeployment, 'create')] : undefined,
        });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    onSubmit(result.data as CreateModel);
  };

  return (
    <Dialog title={model ? `Edit ${model.name}` : 'New model'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : Object.keys(errors).length ? 'Check the highlighted fields.' : undefined} />
        <div className="form-grid">
          <Field id="model-name" label="Public name" error={errors.name} hint="What clients send as “model”, like gpt-4o or chat-default.">
            <input {...fieldAria('model-name', errors.name, true)} className="input mono" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </Field>
          <Field id="model-health" label="Health checks" error={errors.healthCheck} hint={HEALTH_HELP[healthCheck]}>
            <select {...fieldAria('model-health', errors.healthCheck, true)} className="input" value={healthCheck} onChange={(e) => setHealthCheck(e.target.value as HealthCheckMode)}>
              <OptionList values={HEALTH_CHECK_MODES} />
            </select>
          </Field>
        </div>
        <Field id="model-description" label="Description (optional)" error={errors.description}>
          <input {...fieldAria('model-description', errors.description)} className="input" value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled (clients can call it)
        </label>
        {!model && (
          <fieldset className="group">
            <legend>First deployment</legend>
            <label className="check">
              <input type="checkbox" checked={firstDeployment !== null} disabled={accounts.length === 0} onChange={(e) => setFirstDeployment(e.target.checked ? emptyDeployment(accounts) : null)} />
              {accounts.length === 0 ? 'Add a provider first to deploy this model' : 'Deploy on a provider now'}
            </label>
            {firstDeployment && (
              <DeploymentFields idPrefix="first-deployment" values={firstDeployment} onChange={setFirstDeployment} errors={errorsUnder(errors, 'deployments.0')} accounts={accounts} compact />
            )}
          </fieldset>
        )}
        <FallbackPicker value={fallbacks} options={modelNames.filter((n) => n !== model?.name)} onChange={setFallbacks} error={errors.fallbackModels ?? Object.entries(errors).find(([path]) => path.startsWith('fallbackModels.'))?.[1]} />
        <RoutingSection
          idPrefix="model-routing"
          form={routing}
          defaultForm={toRoutingForm(null)}
          onChange={setRouting}
          errors={errorsUnder(errors, 'routing')}
          inheritLabel="Use the organisation default"
        />
        <FormActions pending={pending} label={model ? 'Save model' : 'Create model'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
