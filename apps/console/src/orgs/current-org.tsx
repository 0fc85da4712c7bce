import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { OrgMembership } from '../auth/session.types';
import { readSetting, writeSetting } from '../lib/local-setting';
import { pickCurrentOrg } from './pick-current-org';

const ORG_KEY = 'airouter.orgId';

interface CurrentOrg {
  /** Undefined for a user without memberships (for example a platform owner who has not created an org). */
  org: OrgMembership | undefined;
  orgs: readonly OrgMembership[];
  selectOrg(id: string): void;
}

const CurrentOrgContext = createContext<CurrentOrg | null>(null);

/** Pages scope their queries by `org.id`, so switching orgs refetches instead of showing the old org's data. */
export function CurrentOrgProvider({ orgs, children }: { orgs: readonly OrgMembership[]; children: ReactNode }) {
  const [rememberedId, setRememberedId] = useState(() => readSetting(ORG_KEY));
  const value = useMemo<CurrentOrg>(
    () => ({
      org: pickCurrentOrg(orgs, rememberedId),
      orgs,
      selectOrg(id) {
        writeSetting(ORG_KEY, id);
        setRememberedId(id);
      },
    }),
    [orgs, rememberedId],
  );
  return <CurrentOrgContext.Provider value={value}>{children}</CurrentOrgContext.Provider>;
}

export function useCurrentOrg(): CurrentOrg {
  const value = useContext(CurrentOrgContext);
  if (!value) throw new Error('useCurrentOrg must be used inside CurrentOrgProvider');
  return value;
}
