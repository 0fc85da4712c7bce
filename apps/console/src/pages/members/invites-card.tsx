import type { InviteView } from '@ai-router/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../lib/format';

export function InvitesCard({ invites, canRevoke, onRevoke }: { invites: UseQueryResult<InviteView[]>; canRevoke: boolean; onRevoke(invite: InviteView): void }) {
  return (
    <div className="card">
      <div className="card-header">
        <h2>Pending invites</h2>
      </div>
      <QueryState query={invites} label="invites" isEmpty={(list) => list.length === 0} empty={<p className="card-body muted">No pending invites.</p>}>
        {(list) => (
          <DataTable columns={['Email', 'Role', 'Expires']} actions={canRevoke}>
            {list.map((invite) => (
              <tr key={invite.id}>
                <td>{invite.email}</td>
                <td>
                  <Badge>{invite.role}</Badge>
                </td>
                <td>{formatDateTime(invite.expiresAt)}</td>
                {canRevoke && (
                  <td className="actions">
                    <SmallButton label="Revoke" target={`invite for ${invite.email}`} tone="danger" onClick={() => onRevoke(invite)} />
                  </td>
                )}
              </tr>
            ))}
          </DataTable>
        )}
      </QueryState>
    </div>
  );
}
