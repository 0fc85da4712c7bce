import { useEffect } from 'react';
import type { SessionUser } from '../auth/session.types';
import { CurrentOrgProvider, rememberedOrgId } from '../orgs/current-org';
import { pickCurrentOrg } from '../orgs/pick-current-org';
import { redirect } from '../router/history';
import { orgPath, type Route } from '../router/routes';
import { OrgPage } from './org-page';
import { NoOrgPage } from '../pages/no-org-page';
import { ProfilePage } from '../pages/profile/profile-page';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';
import './app-shell.css';

type ShellRoute = Exclude<Route, { name: 'invite' }>;

/** The signed-in frame: sidebar, top bar and the page for the current address. */
export function AppShell({ user, route }: { user: SessionUser; route: ShellRoute }) {
  const landing = route.name === 'no-org' ? pickCurrentOrg(user.orgs, rememberedOrgId()) : undefined;
  // Addresses without an org (`/`, `/keys`, old bookmarks) open the page in the current org.
  useEffect(() => {
    if (route.name === 'no-org' && landing) redirect(orgPath(landing.id, route.section));
  }, [route, landing]);

  const routeOrgId = route.name === 'org' ? route.orgId : undefined;
  const section = route.name === 'org' ? route.section : '/';
  return (
    <CurrentOrgProvider orgs={user.orgs} routeOrgId={routeOrgId} section={section} isPlatformOwner={user.isPlatformOwner}>
      <div className="shell">
        <Sidebar section={route.name === 'org' ? route.section : null} />
        <div className="shell-main">
          <TopBar user={user} />
          <main className="content">
            {route.name === 'profile' ? (
              <ProfilePage user={user} />
            ) : route.name === 'org' ? (
              <OrgPage key={route.orgId} user={user} section={route.section} />
            ) : landing ? null : (
              <NoOrgPage />
            )}
          </main>
        </div>
      </div>
    </CurrentOrgProvider>
  );
}
