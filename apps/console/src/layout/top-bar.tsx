import { signOut } from '../auth/use-session';
import type { SessionUser } from '../auth/session.types';
import { can } from '../auth/permissions';
import { useCurrentOrg } from '../orgs/current-org';
import { OrgSwitcher } from '../orgs/org-switcher';
import { Link } from '../router/link';
import { NotificationBell } from './notification-bell';

export function TopBar({ user }: { user: SessionUser }) {
  const { org, isPlatformOwner } = useCurrentOrg();
  return (
    <header className="top-bar">
      <OrgSwitcher />
      <div className="top-bar-user">
        {org && can(org.role, 'org:read', isPlatformOwner) && <NotificationBell key={org.id} orgId={org.id} />}
        <Link className="user-email" href="/profile" title={`${user.name} — profile and password`}>
          {user.email}
        </Link>
        <button type="button" className="button button-secondary button-small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
