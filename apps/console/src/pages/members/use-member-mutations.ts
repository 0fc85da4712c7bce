import type { ChangeRole, CreatedInvite, CreateInvite, InviteView, MemberView } from '@ai-router/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { orgApi, orgKeys, useInvalidate } from '../../api/org-queries';

export function useInvites(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.invites(orgId),
    queryFn: ({ signal }) => api.get<InviteView[]>(orgApi(orgId, '/invites'), { signal }),
    enabled,
  });
}

export function useMemberMutations(orgId: string) {
  const invalidate = useInvalidate();
  const members = () => invalidate(orgKeys.members(orgId));
  const invites = () => invalidate(orgKeys.invites(orgId));
  return {
    changeRole: useMutation({
      mutationFn: ({ userId, body }: { userId: string; body: ChangeRole }) => api.patch<MemberView>(orgApi(orgId, `/members/${userId}`), body),
      onSettled: members,
    }),
    remove: useMutation({ mutationFn: (userId: string) => api.delete(orgApi(orgId, `/members/${userId}`)), onSettled: members }),
    invite: useMutation({ mutationFn: (body: CreateInvite) => api.post<CreatedInvite>(orgApi(orgId, '/invites'), body), onSettled: invites }),
    revokeInvite: useMutation({ mutationFn: (id: string) => api.delete(orgApi(orgId, `/invites/${id}`)), onSettled: invites }),
  };
}
