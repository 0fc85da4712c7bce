import { routingPreviewSchema, type ModelView, type RoutingPreview, type RoutingPreviewRequest } from '@ai-router/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { orgApi } from '../../api/org-queries';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { SubmitButton } from '../../components/form-actions';
import { optionalNumber, optionalText, validate, type FieldErrors } from '../../lib/zod-form';
import { PreviewResult } from './preview-result';

const SAMPLE_TOOL = { type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: {} } } };

/** A dry run of routing: nothing is sent to any provider. */
export function PreviewCard({ orgId, models }: { orgId: string; models: ModelView[] }) {
  const [v, setV] = useState({ model: models[0]?.name ?? '', message: 'Hello!', tags: '', user: '', headerName: '', headerValue: '', maxTokens: '', tools: false });
  const [errors, setErrors] = useState<FieldErrors>({});
  const preview = useMutation({ mutationFn: (body: RoutingPreviewRequest) => api.post<RoutingPreview>(orgApi(orgId, '/routing/preview'), body) });
  const set = (key: keyof typeof v) => (e: { target: { value: string } }) => setV((prev) => ({ ...prev, [key]: e.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const headers: Record<string, string> = {};
    if (v.tags.trim()) headers['x-ai-router-tags'] = v.tags.trim();
    if (v.headerName.trim()) headers[v.headerName.trim().toLowerCase()] = v.headerValue;
    const result = validate(routingPreviewSchema, {
      model: v.model,
      messages: v.message ? [{ role: 'user', content: v.message }] : undefined,
      tools: v.tools ? [SAMPLE_TOOL] : undefined,
      user: optionalText(v.user),
      max_tokens: optionalNumber(v.maxTokens),
      headers: Object.keys(headers).length ? headers : undefined,
    });
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    preview.mutate(result.data);
  };

  return (
    <div className="card">
      <div className="card-header">
        <div>
          <h2>Try a request</h2>
          <p className="card-subtitle">See which deployments a request would go to, in order, and why. Nothing is sent upstream.</p>
        </div>
      </div>
      <div className="card-body stack">
        <form className="form" onSubmit={submit} noValidate>
          <div className="form-grid">
            <Field id="preview-model" label="Model" error={errors.model}>
              <select {...fieldAria('preview-model', errors.model)} className="input" value={v.model} onChange={set('model')}>
                {models.map((m) => (
                  <option key={m.id} value={m.name}>
                    {m.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="preview-tags" label="Tags" error={errors['headers']} hint="x-ai-router-tags, comma-separated.">
              <input {...fieldAria('preview-tags', undefined, true)} className="input" value={v.tags} onChange={set('tags')} />
            </Field>
            <Field id="preview-user" label="User" error={errors.user} hint="For consistent-hash routing.">
              <input {...fieldAria('preview-user', errors.user, true)} className="input" value={v.user} onChange={set('user')} />
            </Field>
            <Field id="preview-max" label="Max tokens" error={errors.max_tokens}>
              <input {...fieldAria('preview-max', errors.max_tokens)} className="input" inputMode="numeric" value={v.maxTokens} onChange={set('maxTokens')} />
            </Field>
            <Field id="preview-header-name" label="Header name">
              <input {...fieldAria('preview-header-name', undefined)} className="input" placeholder="x-tier" value={v.headerName} onChange={set('headerName')} />
            </Field>
            <Field id="preview-header-value" label="Header value">
              <input {...fieldAria('preview-header-value', undefined)} className="input" value={v.headerValue} onChange={set('headerValue')} />
            </Field>
          </div>
          <Field id="preview-message" label="Message" error={errors.messages}>
            <textarea {...fieldAria('preview-message', errors.messages)} className="input textarea" value={v.message} onChange={set('message')} />
          </Field>
          <label className="check">
            <input type="checkbox" checked={v.tools} onChange={(e) => setV((prev) => ({ ...prev, tools: e.target.checked }))} />
            The request uses tools
          </label>
          <FormError message={preview.isError ? errorMessage(preview.error) : undefined} />
          <div>
            <SubmitButton pending={preview.isPending} label="Preview routing" pendingLabel="Routing…" disabled={!v.model} />
          </div>
        </form>
        {preview.data && <PreviewResult preview={preview.data} models={models} />}
      </div>
    </div>
  );
}
