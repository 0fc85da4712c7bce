/** API-key authentication shared by the formats whose credential is a plain key. */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthRequest, AuthResult } from './route';

export const AUTHENTICATED: AuthResult = Object.freeze({ ok: true });

/**
 * An `authenticate` that accepts any request when the server has no key list, and otherwise
 * requires `extract` to find one of the keys.
 */
export function keyAuth(
  extract: (request: AuthRequest) => string | undefined,
  message = 'Invalid API key.',
): (request: AuthRequest, apiKeys: ReadonlySet<string> | undefined) => AuthResult {
  return (request, apiKeys) => {
    if (!apiKeys || apiKeys.has(extract(request) ?? '')) return AUTHENTICATED;
    return { ok: false, status: 401, message };
  };
}

export function bearerToken(headers: IncomingHttpHeaders): string | undefined {
  const value = headers.authorization;
  return value?.startsWith('Bearer ') ? value.slice(7).trim() : undefined;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
