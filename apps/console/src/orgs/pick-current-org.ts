import type { OrgMembership } from '../auth/session.types';

/** The remembered org if the user still belongs to it, otherwise their first org (or none at all). */
export function pickCurrentOrg(orgs: readonly OrgMembership[], rememberedId: string | null): OrgMembership | undefined {
  return orgs.find((org) => org.id === rememberedId) ?? orgs[0];
}
