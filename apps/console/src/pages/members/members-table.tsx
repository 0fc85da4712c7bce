import { ORG_ROLES, type MemberView, type OrgRoleName } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { DataTable } from '../../components/data-table';
import { SmallButton } from '../../components/small-button';
import { OptionList } from '../../components/field';
import { Pagination, usePagination } from '../../components/pagination';
import { formatDate } from '../../lib/format';

interface MembersTableProps {
  members: MemberView[];
  selfId: string;
  canManage: boolean;
  canRemove: boolean;
  busyUserId: string | null;
  onChangeRole(member: MemberView, role: OrgRoleName): void;
  onRemove(member: MemberView): void;
}

export function MembersTable({ members, selfId, canManage, canRemove, busyUserId, onChangeRole, onRemove }: MembersTableProps) {
  const page = usePagination(members, 15);
  return (
    <div className="card">
      <DataTable columns={['Member', 'Role', 'Joined']} actions={canRemove}>
        {page.rows.map((m) => {
          const self = m.userId === selfId;
          return (
            <tr key={m.userId} data-member={m.email}>
              <td>
                <div className="cell-strong">
                  {m.name} {self && <Badge tone="info">You</Badge>}
                </div>
                <div className="cell-sub">{m.email}</div>
              </td>
              <td>
                {canManage && !self ? (
                  <select
                    className="select"
                    aria-label={`Role of ${m.email}`}
                    value={m.role}
                    disabled={busyUserId === m.userId}
                    onChange={(e) => onChangeRole(m, e.target.value as OrgRoleName)}
                  >
                    <OptionList values={ORG_ROLES} />
                  </select>
                ) : (
                  <Badge>{m.role}</Badge>
                )}
              </td>
              <td>{formatDate(m.joinedAt)}</td>
              {canRemove && (
                <td className="actions">
                  {!self && (
                    <SmallButton label="Remove" target={m.email} tone="danger" onClick={() => onRemove(m)} />
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </DataTable>
      <Pagination {...page} />
    </div>
  );
}
