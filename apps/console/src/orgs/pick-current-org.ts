/** The remembered org if the user still belongs to it, otherwise their first org (or none at all). */
export function pickCurrentOrg<T extends { id: string }>(orgs: readonly T[], rememberedId: string | null): T | undefined {
  return orgs.find((org) => org.id === rememberedId) ?? orgs[0];
}
