import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { OrgMembership } from '../auth/session.types';
import { can, type Permission } from '../auth/permissions';
import { readSetting, writeSetting } from '../lib/local-setting';
import { navigate } from '../router/history';
import { orgPath } from '../router/routes';
import { pickCurrentOrg } from './pick-current-org';

const ORG_KEY = 'airouter.orgId';

/** The org the user last worked in, for addresses that name none. */
export function rememberedOrgId(): string | null {
  return readSetting(ORG_KEY);
}

interface CurrentOrg {
  /** The org of the page; on pages outside an org (profile), the remembered one. Undefined without orgs. */
  org: OrgMembership | undefined;
  orgs: readonly OrgMembership[];
  isPlatformOwner: boolean;
  /** Opens the same page in another org. */
  selectOrg(id: string): void;
}

const CurrentOrgContext = createContext<CurrentOrg | null>(null);

interface ProviderProps {
  orgs: readonly OrgMembership[];
  /** The org named in the address, if the page belongs to one. */
  routeOrgId: string | undefined;
  /** The org-relative page path, kept when switching orgs. */
  section: string;
  /** Platform owners hold every permission, as the API's guard grants them. */
  isPlatformOwner: boolean;
  children: ReactNode;
}

/** The address decides the org; pages scope their queries by its id, so switching orgs refetches. */
export function CurrentOrgProvider({ orgs, routeOrgId, section, isPlatformOwner, children }: ProviderProps) {
  const routeOrg = routeOrgId === undefined ? undefined : orgs.find((o) => o.id === routeOrgId);
  useEffect(() => {
    if (routeOrg) writeSetting(ORG_KEY, routeOrg.id);
  }, [routeOrg]);
  const value = useMemo<CurrentOrg>(
    () => ({
      org: routeOrgId === undefined ? pickCurrentOrg(orgs, readSetting(ORG_KEY)) : routeOrg,
      orgs,
      isPlatformOwner,
      selectOrg(id) {
        writeSetting(ORG_KEY, id);
        navigate(orgPath(id, routeOrgId === undefined ? '/' : section));
      },
    }),
    [orgs, routeOrgId, routeOrg, section, isPlatformOwner],
  );
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrg {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg must be used inside CurrentOrgProvider');
  return value;
}

export interface OrgScope {
  orgId: string;
  orgName: string;
  role: string;
  can(permission: Permission): boolean;
}

/** For pages inside an org: the shell renders them only when the org exists for this user. */
export function useOrg(): OrgScope {
  const { org, isPlatformOwner } = useCurrentOrg();
  const scope = useMemo(
    () => org && { orgId: org.id, orgName: org.name, role: org.role, can: (p: Permission) => can(org.role, p, isPlatformOwner) },
    [org, isPlatformOwner],
  );
  if (!scope) throw new Error('useOrg is only available on org pages');
  return scope;
}
