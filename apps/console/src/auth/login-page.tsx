import { useEffect, useRef, useState, type FormEvent } from 'react';
import { validateLogin, type LoginFieldErrors } from './login-validation';
import { useLogin } from './use-session';
import './login-page.css';

export function LoginPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<LoginFieldErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const login = useLogin();

  useEffect(() => {
    document.title = 'Sign in · AI Router';
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const result = validateLogin({ email, password });
    if (!result.ok) {
      setFieldErrors(result.errors);
      (result.errors.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setFieldErrors({});
    login.mutate(result.credentials);
  };

  return (
    <main className="login">
      <div className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          AI Router
        </div>
        <h1>Sign in</h1>
        <p className="muted">Welcome back. Sign in to manage your gateway.</p>

        {/* noValidate: our own checks run instead of the browser's, so messages look the same everywhere. */}
        <form className="form" onSubmit={handleSubmit} noValidate>
          {login.isError && (
            <div className="alert alert-error" role="alert">
              {login.error.message}
            </div>
          )}
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              ref={emailRef}
              id="login-email"
              className="input"
              type="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? 'login-email-error' : undefined}
            />
            {fieldErrors.email && (
              <p id="login-email-error" className="field-error">
                {fieldErrors.email}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              ref={passwordRef}
              id="login-password"
              className="input"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? 'login-password-error' : undefined}
            />
            {fieldErrors.password && (
              <p id="login-password-error" className="field-error">
                {fieldErrors.password}
              </p>
            )}
          </div>
          <button type="submit" className="button button-primary button-block" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
