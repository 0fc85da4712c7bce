import { ApiError } from './api/client';
import { LoginPage } from './auth/login-page';
import { signOut, useAccessToken, useSession } from './auth/use-session';
import { FullPageStatus } from './components/full-page-status';
import { AppShell } from './layout/app-shell';
import { InvitePage } from './pages/invite/invite-page';
import { usePathname } from './router/history';
import { parseRoute } from './router/routes';

/** Chooses between the public invite page, sign-in and the shell. A rejected token clears itself (see api/client). */
export function App() {
  const route = parseRoute(usePathname());
  const token = useAccessToken();
  const session = useSession(token !== null);

  if (route.name === 'invite') return <InvitePage token={route.token} signedIn={token !== null} />;
  if (token === null) return <LoginPage />;
  // A failed background refetch keeps the workspace on screen; only a first load that fails blocks it.
  if (session.data) return <AppShell user={session.data} route={route} />;
  if (session.isPending) return <FullPageStatus role="status" title="Loading your workspace…" />;
  const detail = session.error instanceof ApiError ? session.error.message : 'Something went wrong.';
  return (
    <FullPageStatus role="alert" title="We couldn't load your account">
      <p className="muted">{detail}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => session.refetch()}>
          Try again
        </button>
        <button type="button" className="button button-secondary" onClick={signOut}>
          Sign out
        </button>
      </div>
    </FullPageStatus>
  );
}
