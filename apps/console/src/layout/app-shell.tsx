import type { SessionUser } from '../auth/session.types';
import { CurrentOrgProvider } from '../orgs/current-org';
import { ComingSoonPage } from '../pages/coming-soon-page';
import { NotFoundPage } from '../pages/not-found-page';
import { usePathname } from '../router/history';
import { findNavItem } from './nav-items';
import { Sidebar } from './sidebar';
import { TopBar } from './top-bar';
import './app-shell.css';

/** The signed-in frame: sidebar, top bar and the page for the current path. */
export function AppShell({ user }: { user: SessionUser }) {
  const active = findNavItem(usePathname());
  return (
    <CurrentOrgProvider orgs={user.orgs}>
      <div className="shell">
        <Sidebar active={active} />
        <div className="shell-main">
          <TopBar user={user} />
          <main className="content">{active ? <ComingSoonPage key={active.path} item={active} /> : <NotFoundPage />}</main>
        </div>
      </div>
    </CurrentOrgProvider>
  );
}
