import type { SessionUser } from '../../auth/session.types';
import { signOut } from '../../auth/use-session';
import { PageHeader } from '../page-header';
import { ChangePasswordForm } from './change-password-form';

export function ProfilePage({ user }: { user: SessionUser }) {
  return (
    <section className="page">
      <PageHeader title="Profile" summary="Your account, password and session." />
      <div className="card">
        <div className="card-header">
          <div>
            <h2>{user.name}</h2>
            <p className="card-subtitle">{user.email}</p>
          </div>
          <button type="button" className="button button-secondary" onClick={signOut}>
            Sign out
          </button>
        </div>
        <div className="card-body">
          <dl className="meta-list">
            <dt>Organisations</dt>
            <dd>{user.orgs.length ? user.orgs.map((o) => `${o.name} (${o.role})`).join(', ') : 'None yet'}</dd>
            {user.isPlatformOwner && (
              <>
                <dt>Platform</dt>
                <dd>Platform owner: admin in every organisation</dd>
              </>
            )}
          </dl>
        </div>
      </div>
      <ChangePasswordForm />
    </section>
  );
}
