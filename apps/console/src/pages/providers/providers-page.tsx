import type { ProviderAccountView, ProviderKeyView } from '@ai-router/contracts';
import { useProviderAccounts } from '../../api/org-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import { PagedStack } from '../../components/pagination';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { AddKeyForm } from './add-key-form';
import { ImportModelsDialog } from './import-models-dialog';
import { ProviderCard, type AccountAction } from './provider-card';
import { ProviderForm } from './provider-form';
import { useProviderMutations } from './use-providers';

type Open =
  | { kind: 'create' }
  | { kind: AccountAction; account: ProviderAccountView }
  | { kind: 'delete-key'; account: ProviderAccountView; key: ProviderKeyView };

/** Key stats move with traffic; a gentle poll keeps them current while the page is open. */
const STATS_REFRESH_MS = 5000;

export function ProvidersPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const accounts = useProviderAccounts(orgId, true, STATS_REFRESH_MS);
  const m = useProviderMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>(Object.values(m));
  const canWrite = can('providers:write');
  const canDelete = can('providers:delete');
  const busyKeyId = m.updateKey.isPending ? (m.updateKey.variables?.keyId ?? null) : null;
  const addButton = canWrite && <CreateButton label="Add provider" onClick={() => setOpen({ kind: 'create' })} />;

  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={addButton} />
      <ListQuery
        query={accounts}
        label="providers"
        emptyTitle="No providers yet"
        empty={
          <>
            <p>Connect an upstream such as OpenAI, Anthropic or any OpenAI-compatible server, then publish its models.</p>
            {addButton}
          </>
        }
      >
        {(list) => (
          <PagedStack
            items={list}
            pageSize={8}
            render={(account) => (
              <ProviderCard
                key={account.id}
                account={account}
                canWrite={canWrite}
                canDelete={canDelete}
                busyKeyId={busyKeyId}
                onAction={(kind) => setOpen({ kind, account })}
                onToggleKey={(key) => m.updateKey.mutate({ accountId: account.id, keyId: key.id, body: { enabled: !key.enabled } })}
                onDeleteKey={(key) => setOpen({ kind: 'delete-key', account, key })}
              />
            )}
          />
        )}
      </ListQuery>
      {m.updateKey.isError && <p className="alert alert-error" role="alert">{m.updateKey.error.message}</p>}

      {open?.kind === 'create' && (
        <ProviderForm pending={m.createAccount.isPending} error={m.createAccount.error} onClose={close} onSubmit={(body) => m.createAccount.mutate(body, { onSuccess: close })} />
      )}
      {open?.kind === 'add-key' && (
        <AddKeyForm
          account={open.account}
          pending={m.addKey.isPending}
          error={m.addKey.error}
          onClose={close}
          onSubmit={(body) => m.addKey.mutate({ accountId: open.account.id, body }, { onSuccess: close })}
        />
      )}
      {open?.kind === 'import' && (
        <ImportModelsDialog
          orgId={orgId}
          account={open.account}
          pending={m.importModels.isPending}
          error={m.importModels.error}
          result={m.importModels.data}
          onClose={close}
          onSubmit={(models) => m.importModels.mutate({ accountId: open.account.id, models })}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title="Delete provider"
          confirmLabel="Delete provider"
          danger
          pending={m.deleteAccount.isPending}
          error={m.deleteAccount.error}
          onClose={close}
          onConfirm={() => m.deleteAccount.mutate(open.account.id, { onSuccess: close })}
        >
          <p>
            Delete <strong>{open.account.name}</strong> and its {open.account.keys.length} key(s)? Models deployed on it lose those deployments.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'delete-key' && (
        <ConfirmDialog
          title="Delete key"
          confirmLabel="Delete key"
          danger
          pending={m.deleteKey.isPending}
          error={m.deleteKey.error}
          onClose={close}
          onConfirm={() => m.deleteKey.mutate({ accountId: open.account.id, keyId: open.key.id }, { onSuccess: close })}
        >
          <p>
            Delete the key <strong>{open.key.label}</strong> (••••{open.key.last4}) from {open.account.name}? It cannot be recovered; disable it instead to pause it.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
