import type { DeploymentView, ModelView } from '@ai-router/contracts';
import { useModels, useProviderAccounts } from '../../api/org-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import { PagedStack } from '../../components/pagination';
import type { PageProps } from '../../layout/page-props';
import { shortId } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { DeploymentForm } from './deployment-form';
import { ModelCard, type ModelAction } from './model-card';
import { ModelForm } from './model-form';
import { useModelMutations } from './use-model-mutations';

type Open =
  | { kind: 'create' }
  | { kind: ModelAction; model: ModelView }
  | { kind: 'edit-deployment' | 'remove-deployment'; model: ModelView; deployment: DeploymentView };

export function ModelsPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const models = useModels(orgId);
  const canWrite = can('models:write');
  const canDelete = can('models:delete');
  // Provider names need providers:read (admins); others see the account id.
  const accounts = useProviderAccounts(orgId, can('providers:read'));
  const m = useModelMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>(Object.values(m));
  const providerName = (id: string) => accounts.data?.find((a) => a.id === id)?.name ?? shortId(id);
  const names = models.data?.map((x) => x.name) ?? [];
  const newButton = canWrite && <CreateButton label="New model" disabled={accounts.isPending} onClick={() => setOpen({ kind: 'create' })} />;

  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={newButton} />
      <ListQuery
        query={models}
        label="models"
        emptyTitle="No models yet"
        empty={
          <>
            <p>A model is the public name clients call; its deployments say which providers serve it.</p>
            {newButton}
          </>
        }
      >
        {(list) => (
          <PagedStack
            items={list}
            pageSize={8}
            render={(model) => (
              <ModelCard
                key={model.id}
                orgId={orgId}
                model={model}
                canSetPrice={can('billing:manage')}
                providerName={providerName}
                canWrite={canWrite}
                canDelete={canDelete}
                onAction={(kind) => setOpen({ kind, model })}
                onEditDeployment={(deployment) => setOpen({ kind: 'edit-deployment', model, deployment })}
                onRemoveDeployment={(deployment) => setOpen({ kind: 'remove-deployment', model, deployment })}
              />
            )}
          />
        )}
      </ListQuery>

      {open?.kind === 'create' && (
        <ModelForm modelNames={names} accounts={accounts.data ?? []} pending={m.createModel.isPending} error={m.createModel.error} onClose={close} onSubmit={(body) => m.createModel.mutate(body, { onSuccess: close })} />
      )}
      {open?.kind === 'edit' && (
        <ModelForm
          model={open.model}
          modelNames={names}
          accounts={[]}
          pending={m.updateModel.isPending}
          error={m.updateModel.error}
          onClose={close}
          onSubmit={(body) => m.updateModel.mutate({ id: open.model.id, body }, { onSuccess: close })}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title="Delete model" confirmLabel="Delete model" danger pending={m.deleteModel.isPending} error={m.deleteModel.error} onClose={close} onConfirm={() => m.deleteModel.mutate(open.model.id, { onSuccess: close })}>
          <p>
            Delete <strong>{open.model.name}</strong> and its deployments? Clients calling it get “model not found”.
          </p>
        </ConfirmDialog>
      )}
      {(open?.kind === 'add-deployment' || open?.kind === 'edit-deployment') && (
        <DeploymentForm
          model={open.model}
          deployment={open.kind === 'edit-deployment' ? open.deployment : undefined}
          accounts={accounts}
          pending={m.addDeployment.isPending || m.updateDeployment.isPending}
          error={m.addDeployment.error ?? m.updateDeployment.error}
          onClose={close}
          onSubmit={(body) =>
            open.kind === 'edit-deployment'
              ? m.updateDeployment.mutate({ modelId: open.model.id, id: open.deployment.id, body }, { onSuccess: close })
              : m.addDeployment.mutate({ modelId: open.model.id, body }, { onSuccess: close })
          }
        />
      )}
      {open?.kind === 'remove-deployment' && (
        <ConfirmDialog
          title="Remove deployment"
          confirmLabel="Remove"
          danger
          pending={m.removeDeployment.isPending}
          error={m.removeDeployment.error}
          onClose={close}
          onConfirm={() => m.removeDeployment.mutate({ modelId: open.model.id, id: open.deployment.id }, { onSuccess: close })}
        >
          <p>
            Stop routing <strong>{open.model.name}</strong> to <code>{open.deployment.upstreamModel}</code> on {providerName(open.deployment.providerAccountId)}?
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
