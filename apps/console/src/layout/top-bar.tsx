import { signOut } from '../auth/use-session';
import type { SessionUser } from '../auth/session.types';
import { OrgSwitcher } from '../orgs/org-switcher';

export function TopBar({ user }: { user: SessionUser }) {
  return (
    <header className="top-bar">
      <OrgSwitcher />
      <div className="top-bar-user">
        <span className="user-email" title={user.name}>
          {user.email}
        </span>
        <button type="button" className="button button-secondary button-small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
