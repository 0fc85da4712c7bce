import type { NotificationChannelView } from '@ai-router/contracts';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { CreateButton, ListQuery, useOpenDialog } from '../../components/list-page';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { ChannelForm } from './channel-form';
import { ChannelsTable, type ChannelAction } from './channels-table';
import { DeliveriesCard } from './deliveries-card';
import { useChannelMutations, useChannels } from './use-notifications';

type Open = { kind: 'create' } | { kind: 'edit' | 'delete'; channel: NotificationChannelView };

export function NotificationsPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const channels = useChannels(orgId);
  const { create, update, remove, test } = useChannelMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>([create, update, remove]);
  const canManage = can('org:manage');

  const onAction = (channel: NotificationChannelView, action: ChannelAction) => {
    if (action === 'test') return test.mutate(channel.id);
    setOpen({ kind: action, channel });
  };
  const createButton = canManage && <CreateButton label="New channel" onClick={() => setOpen({ kind: 'create' })} />;
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={createButton} />
      {test.isError && <ErrorAlert title="The test could not be sent." error={test.error} />}
      {test.isSuccess && (
        <p className="alert alert-success" role="status">
          Test message queued. Its delivery shows in the log below.
        </p>
      )}
      <ListQuery
        query={channels}
        label="notification channels"
        emptyTitle="No notification channels yet"
        empty={
          <>
            <p>Channels receive alerts, low-balance warnings and invoices by email, webhook, Slack, Feishu, DingTalk or the in-app inbox.</p>
            {createButton}
          </>
        }
      >
        {(list) => (
          <div className="card">
            <ChannelsTable channels={list} canManage={canManage} testing={test.isPending ? (test.variables ?? null) : null} onAction={onAction} />
          </div>
        )}
      </ListQuery>
      {channels.data && <DeliveriesCard orgId={orgId} channels={channels.data} />}

      {open?.kind === 'create' && (
        <ChannelForm pending={create.isPending} error={create.error} onClose={close} onSubmit={(s) => s.kind === 'create' && create.mutate(s.body, { onSuccess: close })} />
      )}
      {open?.kind === 'edit' && (
        <ChannelForm
          channel={open.channel}
          pending={update.isPending}
          error={update.error}
          onClose={close}
          onSubmit={(s) => s.kind === 'update' && update.mutate({ id: open.channel.id, body: s.body }, { onSuccess: close })}
        />
      )}
      {open?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${open.channel.name}?`}
          confirmLabel="Delete channel"
          danger
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate(open.channel.id, { onSuccess: close })}
        >
          <p>Events stop going to this channel at once. Its past deliveries stay in the log.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
