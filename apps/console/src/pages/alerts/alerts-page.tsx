import type { AlertRuleView } from '@ai-router/contracts';
import { useProviderAccounts } from '../../api/org-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { useChannels } from '../notifications/use-notifications';
import { PageHeader } from '../page-header';
import { useQuotas } from '../quotas/use-quotas';
import { AlertHistoryCard } from './alert-history-card';
import { AlertRuleForm, type AlertChoices } from './alert-rule-form';
import { AlertRulesTable } from './alert-rules-table';
import { useAlertRuleMutations, useAlertRules } from './use-alerts';

type Open = { kind: 'create' } | { kind: 'edit' | 'delete'; rule: AlertRuleView };

export function AlertsPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const rules = useAlertRules(orgId);
  const channels = useChannels(orgId);
  const providers = useProviderAccounts(orgId, can('providers:read'));
  const quotas = useQuotas(orgId, can('quotas:read'));
  const { create, update, remove } = useAlertRuleMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>([create, update, remove]);
  const canManage = can('org:manage');
  const choices: AlertChoices = {
    channels: channels.data ?? [],
    providers: providers.data ?? [],
    budgets: (quotas.data ?? []).filter((q) => q.metric === 'cost'),
  };

  const createButton = canManage && <CreateButton label="New alert rule" onClick={() => setOpen({ kind: 'create' })} />;
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={createButton} />
      <ListQuery
        query={rules}
        label="alert rules"
        emptyTitle="No alert rules yet"
        empty={
          <>
            <p>Rules watch error rates, latency, provider keys, the balance and spend, and notify your channels when something is wrong and again when it clears.</p>
            {createButton}
          </>
        }
      >
        {(list) => (
          <div className="card">
            <AlertRulesTable rules={list} choices={choices} canManage={canManage} onAction={(rule, action) => setOpen({ kind: action, rule })} />
          </div>
        )}
      </ListQuery>
      {rules.data && <AlertHistoryCard orgId={orgId} rules={rules.data} />}

      {open?.kind === 'create' && (
        <AlertRuleForm choices={choices} pending={create.isPending} error={create.error} onClose={close} onSubmit={(s) => s.kind === 'create' && create.mutate(s.body, { onSuccess: close })} />
      )}
      {open?.kind === 'edit' && (
        <AlertRuleForm
          rule={open.rule}
          choices={choices}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(s) => s.kind === 'update' && update.mutate({ id: open.rule.id, body: s.body }, { onSuccess: close })}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.rule.name}?`}
          confirmLabel="Delete rule"
          danger
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate(open.rule.id, { onSuccess: close })}
        >
          <p>The rule stops being evaluated at once{open.rule.state === 'firing' ? ', and its firing ends without a resolution notice' : ''}. Its past firings go with it.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
