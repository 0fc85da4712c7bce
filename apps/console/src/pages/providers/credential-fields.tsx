import { Field, fieldAria } from '../../components/field';
import type { FieldErrors } from '../../lib/zod-form';
import type { ProviderFormValues } from './provider-form-state';

interface Props {
  values: ProviderFormValues;
  errors: FieldErrors;
  set(key: keyof ProviderFormValues): (event: { target: { value: string } }) => void;
  needsKey: boolean;
}

/** Bedrock asks for a region and AWS credentials; everything else for one API key. Stored encrypted, never shown again. */
export function CredentialFields({ values, errors, set, needsKey }: Props) {
  if (values.kind === 'bedrock') {
    const awsError = errors.awsCredentials;
    return (
      <fieldset className="group">
        <legend>AWS credentials</legend>
        {awsError && <p className="field-error">{awsError}</p>}
        <div className="form-grid">
          <Field id="aws-key-id" label="Access key ID" error={errors['awsCredentials.accessKeyId']}>
            <input {...fieldAria('aws-key-id', errors['awsCredentials.accessKeyId'])} className="input mono" autoComplete="off" value={values.accessKeyId} onChange={set('accessKeyId')} />
          </Field>
          <Field id="aws-secret" label="Secret access key" error={errors['awsCredentials.secretAccessKey']}>
            <input {...fieldAria('aws-secret', errors['awsCredentials.secretAccessKey'])} className="input mono" type="password" autoComplete="off" value={values.secretAccessKey} onChange={set('secretAccessKey')} />
          </Field>
        </div>
        <Field id="aws-session" label="Session token (optional)" error={errors['awsCredentials.sessionToken']}>
          <input {...fieldAria('aws-session', errors['awsCredentials.sessionToken'])} className="input mono" type="password" autoComplete="off" value={values.sessionToken} onChange={set('sessionToken')} />
        </Field>
      </fieldset>
    );
  }
  return (
    <Field
      id="provider-api-key"
      label={needsKey ? 'API key' : 'API key (optional)'}
      error={errors.apiKey}
      hint="Stored encrypted. It is never shown again; the console only shows its last 4 characters."
    >
      <input {...fieldAria('provider-api-key', errors.apiKey, true)} className="input mono" type="password" autoComplete="off" value={values.apiKey} onChange={set('apiKey')} />
    </Field>
  );
}
