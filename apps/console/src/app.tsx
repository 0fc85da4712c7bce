import { ApiError } from './api/client';
import { LoginPage } from './auth/login-page';
import { signOut, useAccessToken, useSession } from './auth/use-session';
import { FullPageStatus } from './components/full-page-status';
import { AppShell } from './layout/app-shell';

/** Chooses between sign-in and the shell. A rejected token clears itself (see api/client), landing here as signed out. */
export function App() {
  const token = useAccessToken();
  const session = useSession(token !== null);

  if (token === null) return <LoginPage />;
  if (session.isPending) return <FullPageStatus role="status" title="Loading your workspace…" />;
  if (session.isError) {
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
  return <AppShell user={session.data} />;
}
