import { useMembers } from '../../api/org-queries';
import { shortId } from '../../lib/format';
import { useOrg } from '../../orgs/current-org';
import { useApiKeys } from '../api-keys/use-api-keys';

/**
 * Names for the ids in usage rows: key names and member names where the role may read them, else a
 * short id. Only admins read members; developers see their own keys' names.
 */
export function useNames() {
  const { orgId, can } = useOrg();
  const keys = useApiKeys(orgId, can('apiKeys:read'));
  const members = useMembers(orgId, can('members:read'));
  return {
    keyName: (id: string) => keys.data?.find((k) => k.id === id)?.name ?? shortId(id),
    memberName: (id: string) => {
      const member = members.data?.find((m) => m.userId === id);
      return member ? member.name || member.email : shortId(id);
    },
    keys: keys.data ?? [],
  };
}
