export interface LoginCredentials {
  email: string;
  password: string;
}

export type LoginFieldErrors = Partial<Record<keyof LoginCredentials, string>>;

export type LoginValidation =
  | { ok: true; credentials: LoginCredentials }
  | { ok: false; errors: LoginFieldErrors };

// Deliberately loose (something@domain.tld): the API has the final word, this only catches typos early.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the form before it is sent; the email is trimmed, the password is sent exactly as typed. */
export function validateLogin(input: LoginCredentials): LoginValidation {
  const email = input.email.trim();
  const errors: LoginFieldErrors = {};
  if (email === '') errors.email = 'Enter your email address.';
  else if (!EMAIL_PATTERN.test(email)) errors.email = 'Enter a valid email address, like you@company.com.';
  if (input.password === '') errors.password = 'Enter your password.';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, credentials: { email, password: input.password } };
}
