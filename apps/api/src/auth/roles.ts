import type { OrgRole } from '../orgs/membership.entity';

const RANK: Record<OrgRole, number> = { viewer: 1, developer: 2, admin: 3 };

/** Roles are ordered: an admin can do what a developer can, a developer what a viewer can. */
export function roleSatisfies(actual: OrgRole, required: OrgRole): boolean {
  return RANK[actual] >= RANK[required];
}
