import { signOut } from '../auth/use-session';
import type { SessionUser } from '../auth/session.types';
import { OrgSwitcher } from '../orgs/org-switcher';
import { Link } from '../router/link';

export function TopBar({ user }: { user: SessionUser }) {
  return (
    <header className="top-bar">
      <OrgSwitcher />
      <div className="top-bar-user">
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
