import {
  createNotificationChannelSchema, NOTIFICATION_CHANNEL_KINDS, NOTIFICATION_EVENT_TYPES, notificationChannelConfigSchemas, notificationChannelSecretsSchemas,
  updateNotificationChannelSchema, type CreateNotificationChannel, type NotificationChannelKind, type NotificationChannelView,
  type NotificationEventType, type UpdateNotificationChannel,
} from '@ai-router/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { CheckList } from '../../components/check-list';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError, useRevealFirstError } from '../../components/field';
import { FormActions } from '../../components/form-actions';
import { KindSelect } from '../../components/kind-select';
import { validate, type FieldErrors } from '../../lib/zod-form';
import { EVENT_LABELS, fieldKey, initialValues, KIND_FIELDS, KIND_LABELS, toPayload, type FieldValues, type KindField } from './channel-fields';

type Submit = { kind: 'create'; body: CreateNotificationChannel } | { kind: 'update'; body: UpdateNotificationChannel };

interface ChannelFormProps {
  /** Editing this channel; creating one when absent. */
  channel?: NotificationChannelView;
  pending: boolean;
  error: unknown;
  onSubmit(submit: Submit): void;
  onClose(): void;
}

/** Prefixes the issues of one schema with `config.` or `secrets.`, so they land on the matching field. */
function under(prefix: string, errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path ? `${prefix}.${path}` : prefix, message]));
}

/** `config.recipients.1` -> `config.recipients`: a list's issues show on the list's field. */
function byField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.split('.').slice(0, 2).join('.')] ??= message;
  return out;
}

export function ChannelForm({ channel, pending, error, onSubmit, onClose }: ChannelFormProps) {
  const [kind, setKind] = useState<NotificationChannelKind>(channel?.kind ?? 'webhook');
  const [name, setName] = useState(channel?.name ?? '');
  const [events, setEvents] = useState<NotificationEventType[]>(channel?.events ?? []);
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [values, setValues] = useState<FieldValues>(() => initialValues(channel?.kind ?? 'webhook', channel?.config));
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useRevealFirstError(formRef, errors);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { config, secrets } = toPayload(kind, values);
    if (!channel) {
      const result = validate(createNotificationChannelSchema, { kind, name, events, enabled, config, ...(Object.keys(secrets).length > 0 && { secrets }) });
      if (!result.ok) return setErrors(byField(result.errors));
      setErrors({});
      return onSubmit({ kind: 'create', body: result.data });
    }
    // An edit replaces the config and merges the secrets: only the secrets typed in are sent.
    const configCheck = validate(notificationChannelConfigSchemas[kind], config);
    const secretsCheck = validate(notificationChannelSecretsSchemas[kind].partial(), secrets);
    const result = validate(updateNotificationChannelSchema, { name, events, enabled, config, ...(Object.keys(secrets).length > 0 && { secrets }) });
    const found = { ...(configCheck.ok ? {} : under('config', configCheck.errors)), ...(secretsCheck.ok ? {} : under('secrets', secretsCheck.errors)), ...(result.ok ? {} : result.errors) };
    if (!result.ok || Object.keys(found).length > 0) return setErrors(byField(found));
    setErrors({});
    onSubmit({ kind: 'update', body: result.data });
  };

  return (
    <Dialog title={channel ? `Edit ${channel.name}` : 'New channel'} onClose={onClose} locked={pending} wide>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <FormError message={error ? errorMessage(error) : errors['']} />
        <div className="form-grid">
          <Field id="channel-name" label="Name" error={errors.name}>
            <input {...fieldAria('channel-name', errors.name)} className="input" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
          </Field>
          <KindSelect
            id="channel-kind"
            label="Kind"
            kinds={NOTIFICATION_CHANNEL_KINDS}
            labels={KIND_LABELS}
            value={kind}
            fixed={Boolean(channel)}
            hint={channel ? 'The kind of a channel cannot change.' : undefined}
            error={errors.kind}
            onChange={(next) => {
              setKind(next);
              setValues(initialValues(next));
            }}
          />
        </div>
        {KIND_FIELDS[kind].map((f) => (
          <KindInput key={fieldKey(f)} field={f} value={values[fieldKey(f)]!} error={errors[fieldKey(f)]} isSet={channel?.secretFields.includes(f.name) ?? false} onChange={(v) => setValues((all) => ({ ...all, [fieldKey(f)]: v }))} />
        ))}
        <CheckList
          legend="Events"
          hint="None ticked sends every event."
          options={NOTIFICATION_EVENT_TYPES.filter((t) => t !== 'test').map((type) => ({ value: type, label: EVENT_LABELS[type] }))}
          selected={events}
          onChange={setEvents}
        />
        <label className="check">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          Enabled
        </label>
        <FormActions pending={pending} label={channel ? 'Save changes' : 'Create channel'} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

function KindInput({ field, value, error, isSet, onChange }: { field: KindField; value: string | boolean; error?: string; isSet: boolean; onChange(v: string | boolean): void }) {
  const id = `channel-${field.where}-${field.name}`;
  if (field.type === 'checkbox') {
    return (
      <label className="check">
        <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {field.label}
      </label>
    );
  }
  const hint = field.where === 'secrets' && isSet ? 'Set. Leave blank to keep it; type a new value to replace it.' : field.hint;
  return (
    <Field id={id} label={field.label} error={error} hint={hint}>
      {field.type === 'list' ? (
        <textarea {...fieldAria(id, error, Boolean(hint))} className="input textarea" value={String(value)} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...fieldAria(id, error, Boolean(hint))}
          className="input"
          type={field.type === 'password' ? 'password' : 'text'}
          inputMode={field.type === 'number' ? 'numeric' : undefined}
          autoComplete={field.type === 'password' ? 'new-password' : undefined}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
