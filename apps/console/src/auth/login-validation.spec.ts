import { describe, expect, it } from 'vitest';
import { validateLogin } from './login-validation';

describe('validateLogin', () => {
  it('accepts a valid form, trimming the email but not the password', () => {
    expect(validateLogin({ email: '  owner@example.com ', password: ' secret ' })).toEqual({
      ok: true,
      credentials: { email: 'owner@example.com', password: ' secret ' },
    });
  });

  it('asks for both fields when the form is empty', () => {
    const result = validateLogin({ email: '   ', password: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['email', 'password']);
  });

  it.each(['owner', 'owner@', '@example.com', 'owner@example', 'own er@example.com', 'a@b@c.com'])(
    'rejects the malformed email %j',
    (email) => {
      const result = validateLogin({ email, password: 'x' });
      expect(result).toEqual({ ok: false, errors: { email: expect.stringMatching(/valid email/) } });
    },
  );
});
