import type { ReactNode } from 'react';
import './login-page.css';

/** The branded, centred card of the pages seen before there is a session: sign-in and invite acceptance. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="login">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          AI Router
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}
