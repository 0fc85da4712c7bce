import type { ApiKeyView, CreatedApiKey } from '@ai-router/contracts';
import { useState } from 'react';
import { useMembers } from '../../api/org-queries';
import { ErrorAlert } from '../../components/error-alert';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import { SecretDialog } from '../../components/secret-dialog';
import type { PageProps } from '../../layout/page-props';
import { shortId } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { ApiKeyForm } from './api-key-form';
import { ApiKeysTable, type RowAction } from './api-keys-table';
import { KeyActionDialog } from './key-action-dialog';
import { useApiKeyMutations, useApiKeys, type KeyAction } from './use-api-keys';

type Open = { kind: 'create' } | { kind: 'edit'; key: ApiKeyView } | { kind: KeyAction; key: ApiKeyView };

export function ApiKeysPage({ item, user }: PageProps) {
  const { orgId, can } = useOrg();
  const keys = useApiKeys(orgId);
  const members = useMembers(orgId, can('members:read'));
  const { create, update, act } = useApiKeyMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>([create, update, act]);
  const [secret, setSecret] = useState<{ title: string; secret: string } | null>(null);
  const canWrite = can('apiKeys:write');

  const ownerName = (ownerId: string | null) => {
    if (ownerId === user.id) return 'You';
    const member = members.data?.find((m) => m.userId === ownerId);
    return member ? member.name || member.email : ownerId ? shortId(ownerId) : '—';
  };
  const showSecret = (title: string) => (created: CreatedApiKey) => {
    close();
    setSecret({ title, secret: created.secret });
  };
  const startAction = (key: ApiKeyView, action: RowAction) => {
    if (action === 'resume') return act.mutate({ id: key.id, action });
    setOpen({ kind: action, key });
  };

  const createButton = canWrite && <CreateButton label="Create API key" onClick={() => setOpen({ kind: 'create' })} />;
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={createButton} />
      {!open && act.isError && <ErrorAlert title="That didn't work." error={act.error} />}
      {!can('apiKeys:manage') && <p className="alert alert-info">You see the keys you own. Admins see every key of the organisation.</p>}
      <ListQuery
        query={keys}
        label="API keys"
        emptyTitle="No API keys yet"
        empty={
          <>
            <p>Applications call the gateway with an API key. {canWrite ? 'Create one to get started.' : ''}</p>
            {createButton}
          </>
        }
      >
        {(list) => <ApiKeysTable keys={list} ownerName={ownerName} canWrite={canWrite} canRevoke={can('apiKeys:delete')} onAction={startAction} />}
      </ListQuery>

      {open?.kind === 'create' && (
        <ApiKeyForm orgId={orgId} pending={create.isPending} error={create.error} onClose={close} onSubmit={(body) => create.mutate(body, { onSuccess: showSecret('API key created') })} />
      )}
      {open?.kind === 'edit' && (
        <ApiKeyForm
          orgId={orgId}
          apiKey={open.key}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(body) => update.mutate({ id: open.key.id, body }, { onSuccess: close })}
        />
      )}
      {open && open.kind !== 'create' && open.kind !== 'edit' && (
        <KeyActionDialog
          action={open.kind}
          apiKey={open.key}
          pending={act.isPending}
          error={act.error}
          onClose={close}
          onConfirm={() =>
            act.mutate(
              { id: open.key.id, action: open.kind },
              { onSuccess: (result) => ('secret' in result ? showSecret('API key rotated')(result) : close()) },
            )
          }
        />
      )}
      {secret && (
        <SecretDialog title={secret.title} label="API key" secret={secret.secret} onClose={() => setSecret(null)}>
          <p className="muted">Use it as a bearer token: Authorization: Bearer &lt;key&gt;, against this server's /v1 endpoint.</p>
        </SecretDialog>
      )}
    </section>
  );
}
