import type { CreatedApiKey } from '@ai-router/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';
import { errorMessage } from '../../components/error-alert';
import { Field, fieldAria, FormError } from '../../components/field';
import { playgroundKeys, usePlaygroundKey } from './playground-key-store';

const TEMP_KEY_HOURS = 24;

/** The API key the playground calls /v1 with: pasted, or a temporary key created for this user. */
export function PlaygroundKeyPanel({ orgId, canCreate }: { orgId: string; canCreate: boolean }) {
  const key = usePlaygroundKey(orgId);
  const invalidate = useInvalidate();
  const [pasted, setPasted] = useState('');
  const [error, setError] = useState<string>();
  const create = useMutation({
    mutationFn: () =>
      api.post<CreatedApiKey>(orgApi(orgId, '/api-keys'), {
        name: 'playground',
        expiresAt: new Date(Date.now() + TEMP_KEY_HOURS * 3600_000).toISOString(),
      }),
    onSuccess: (created) => playgroundKeys.set(orgId, { secret: created.secret, keyId: created.id, display: created.display }),
    onSettled: () => invalidate(orgKeys.apiKeys(orgId)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.post(orgApi(orgId, `/api-keys/${id}/revoke`)),
    onSuccess: () => playgroundKeys.forget(orgId),
    onSettled: () => invalidate(orgKeys.apiKeys(orgId)),
  });

  const usePasted = (event: FormEvent) => {
    event.preventDefault();
    const secret = pasted.trim();
    if (secret.length < 8) return setError('Paste a whole API key.');
    setError(undefined);
    setPasted('');
    playgroundKeys.set(orgId, { secret, keyId: null, display: `${secret.slice(0, 8)}…${secret.slice(-4)}` });
  };

  if (key) {
    return (
      <div className="stack" aria-label="Playground API key">
        <p className="field-hint">
          Using <code>{key.display}</code>
          {key.keyId ? ` (temporary, expires in ${TEMP_KEY_HOURS} h)` : ''}. Kept in this tab's memory only.
        </p>
        <FormError message={revoke.isError ? errorMessage(revoke.error) : undefined} />
        <div className="inline">
          <button type="button" className="button button-secondary button-small" onClick={() => playgroundKeys.forget(orgId)}>
            Use another key
          </button>
          {key.keyId && (
            <button type="button" className="button button-ghost button-small danger" disabled={revoke.isPending} onClick={() => revoke.mutate(key.keyId!)}>
              Revoke temporary key
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <form className="form" onSubmit={usePasted} noValidate>
        <Field id="playground-key" label="API key" error={error} hint="Paste a key of this organisation. It stays in memory and is forgotten on reload.">
          <input {...fieldAria('playground-key', error, true)} className="input mono" type="password" autoComplete="off" value={pasted} onChange={(e) => setPasted(e.target.value)} />
        </Field>
        <div>
          <button type="submit" className="button button-secondary button-small">
            Use this key
          </button>
        </div>
      </form>
      {canCreate && (
        <div className="stack">
          <p className="field-hint">
            Or create a temporary key named “playground” for yourself. It appears on the API keys page and expires in {TEMP_KEY_HOURS} hours; its
            secret is shown to the playground only.
          </p>
          <FormError message={create.isError ? errorMessage(create.error) : undefined} />
          <div>
            <button type="button" className="button button-secondary button-small" disabled={create.isPending} onClick={() => create.mutate()}>
              {create.isPending ? 'Creating…' : 'Create a temporary key'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
