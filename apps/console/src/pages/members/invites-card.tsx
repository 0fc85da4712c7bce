import type { InviteView } from '@ai-router/contracts';
import type { UseQueryResult } from '@tanstack/react-query';
import { Badge } from '../../components/badge';
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
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>Email</th>
                  <th>Role</th>
                  <th>Expires</th>
                  {canRevoke && <th className="actions">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {list.map((invite) => (
                  <tr key={invite.id}>
                    <td>{invite.email}</td>
                    <td>
                      <Badge>{invite.role}</Badge>
                    </td>
                    <td>{formatDateTime(invite.expiresAt)}</td>
                    {canRevoke && (
                      <td className="actions">
                        <button type="button" className="button button-ghost button-small danger" onClick={() => onRevoke(invite)}>
                          Revoke<span className="visually-hidden"> invite for {invite.email}</span>
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </div>
  );
}
