import type { InviteView, MemberView } from '@ai-router/contracts';
import { useState } from 'react';
import { useMembers } from '../../api/org-queries';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorAlert } from '../../components/error-alert';
import { CreateButton, useOpenDialog } from '../../components/list-page';
import { QueryState } from '../../components/query-state';
import { SecretDialog } from '../../components/secret-dialog';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { InviteForm } from './invite-form';
import { InvitesCard } from './invites-card';
import { MembersTable } from './members-table';
import { useInvites, useMemberMutations } from './use-member-mutations';

type Open = { kind: 'invite' } | { kind: 'remove'; member: MemberView } | { kind: 'revoke'; invite: InviteView };

export function MembersPage({ item, user }: PageProps) {
  const { orgId, orgName, can } = useOrg();
  const members = useMembers(orgId);
  const invites = useInvites(orgId, can('invites:read'));
  const m = useMemberMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<Open>([m.remove, m.invite, m.revokeInvite]);
  const [link, setLink] = useState<string | null>(null);
  const inviteButton = can('invites:write') && <CreateButton label="Invite member" onClick={() => setOpen({ kind: 'invite' })} />;

  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={inviteButton} />
      {m.changeRole.isError && <ErrorAlert title="Couldn't change the role." error={m.changeRole.error} />}
      <QueryState query={members} label="members">
        {(list) => (
          <MembersTable
            members={list}
            selfId={user.id}
            canManage={can('members:manage')}
            canRemove={can('members:delete')}
            busyUserId={m.changeRole.isPending ? (m.changeRole.variables?.userId ?? null) : null}
            onChangeRole={(member, role) => m.changeRole.mutate({ userId: member.userId, body: { role } })}
            onRemove={(member) => setOpen({ kind: 'remove', member })}
          />
        )}
      </QueryState>
      {can('invites:read') && <InvitesCard invites={invites} canRevoke={can('invites:delete')} onRevoke={(invite) => setOpen({ kind: 'revoke', invite })} />}

      {open?.kind === 'invite' && (
        <InviteForm
          pending={m.invite.isPending}
          error={m.invite.error}
          onClose={close}
          onSubmit={(body) =>
            m.invite.mutate(body, {
              onSuccess: (created) => {
                close();
                setLink(`${window.location.origin}${created.acceptPath}`);
              },
            })
          }
        />
      )}
      {open?.kind === 'remove' && (
        <ConfirmDialog title="Remove member" confirmLabel="Remove" danger pending={m.remove.isPending} error={m.remove.error} onClose={close} onConfirm={() => m.remove.mutate(open.member.userId, { onSuccess: close })}>
          <p>
            Remove <strong>{open.member.email}</strong> from {orgName}? Their access ends at once.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'revoke' && (
        <ConfirmDialog title="Revoke invite" confirmLabel="Revoke" danger pending={m.revokeInvite.isPending} error={m.revokeInvite.error} onClose={close} onConfirm={() => m.revokeInvite.mutate(open.invite.id, { onSuccess: close })}>
          <p>
            The invite link for <strong>{open.invite.email}</strong> stops working.
          </p>
        </ConfirmDialog>
      )}
      {link && (
        <SecretDialog title="Invite created" label="Invite link" secret={link} onClose={() => setLink(null)}>
          <p className="muted">Send this link to your teammate. It works once and expires; anyone who has it can join.</p>
        </SecretDialog>
      )}
    </section>
  );
}
