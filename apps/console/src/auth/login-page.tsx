import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Field, fieldAria, FormError } from '../components/field';
import { SubmitButton } from '../components/form-actions';
import { AuthCard } from './auth-card';
import { validateLogin, type LoginFieldErrors } from './login-validation';
import { useLogin } from './use-session';

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
    <AuthCard title="Sign in">
      <p className="muted">Welcome back. Sign in to manage your gateway.</p>

      {/* noValidate: our own checks run instead of the browser's, so messages look the same everywhere. */}
      <form className="form" onSubmit={handleSubmit} noValidate>
        <FormError message={login.isError ? login.error.message : undefined} />
        <Field id="login-email" label="Email" error={fieldErrors.email}>
          <input
            ref={emailRef}
            {...fieldAria('login-email', fieldErrors.email)}
            className="input"
            type="email"
            autoComplete="username"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field id="login-password" label="Password" error={fieldErrors.password}>
          <input
            ref={passwordRef}
            {...fieldAria('login-password', fieldErrors.password)}
            className="input"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        <SubmitButton pending={login.isPending} label="Sign in" pendingLabel="Signing in…" block />
      </form>
    </AuthCard>
  );
}
