import type { QuotaView } from '@ai-router/contracts';
import { useMembers } from '../../api/org-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import type { PageProps } from '../../layout/page-props';
import { shortId } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { useApiKeys } from '../api-keys/use-api-keys';
import { PageHeader } from '../page-header';
import { QuotaForm } from './quota-form';
import { QuotasTable } from './quotas-table';
import { RateLimitsCard } from './rate-limits-card';
import { useQuotaMutations, useQuotas } from './use-quotas';

type Open = { kind: 'create' } | { kind: 'edit'; quota: QuotaView } | { kind: 'delete'; quota: QuotaView };

export function QuotasPage({ item, user }: PageProps) {
  const { orgId, can } = useOrg();
  const quotas = useQuotas(orgId);
  const keys = useApiKeys(orgId, can('apiKeys:read'));
  const members = useMembers(orgId, can('members:read'));
  const { create, update, remove } = useQuotaMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>([create, update, remove]);
  const canWrite = can('quotas:write');

  const subjectName = (quota: QuotaView) => {
    if (quota.scope === 'key') {
      const key = keys.data?.find((k) => k.id === quota.subjectId);
      return key ? `${key.name} (${key.display})` : shortId(quota.subjectId ?? '');
    }
    if (quota.subjectId === user.id) return 'You';
    const member = members.data?.find((m) => m.userId === quota.subjectId);
    return member ? member.name || member.email : shortId(quota.subjectId ?? '');
  };

  const createButton = canWrite && <CreateButton label="New quota" onClick={() => setOpen({ kind: 'create' })} />;
  const formProps = { apiKeys: keys.data ?? [], members: members.data ?? [], onClose: close };
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={createButton} />
      <ListQuery
        query={quotas}
        label="quotas"
        emptyTitle="No quotas or budgets yet"
        empty={
          <>
            <p>Cap requests, tokens or spend per minute, hour, day, week or month for the whole org, one API key or one member. {canWrite ? 'Thresholds notify before the cap is reached.' : ''}</p>
            {createButton}
          </>
        }
      >
        {(list) => (
          <QuotasTable
            quotas={list}
            subjectName={subjectName}
            canWrite={canWrite}
            canDelete={can('quotas:delete')}
            onEdit={(quota) => setOpen({ kind: 'edit', quota })}
            onDelete={(quota) => setOpen({ kind: 'delete', quota })}
          />
        )}
      </ListQuery>
      <RateLimitsCard orgId={orgId} canEdit={can('org:manage')} />

      {open?.kind === 'create' && <QuotaForm {...formProps} pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body, { onSuccess: close })} />}
      {open?.kind === 'edit' && (
        <QuotaForm {...formProps} quota={open.quota} pending={update.isPending} error={update.error} onSubmit={(body) => update.mutate({ id: open.quota.id, body }, { onSuccess: close })} />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog title="Delete quota" confirmLabel="Delete" danger pending={remove.isPending} error={remove.error} onClose={close} onConfirm={() => remove.mutate(open.quota.id, { onSuccess: close })}>
          <p>
            Delete <strong>{open.quota.name}</strong>? Requests are no longer counted against it, and its thresholds stop notifying.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
