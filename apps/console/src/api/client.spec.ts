import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, toApiError } from './client';
import { createTokenStore } from './token-store';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A client over a scripted fetch that records what it was asked to send. */
function setup(reply: () => Response | Promise<Response>, token: string | null = null) {
  const tokens = createTokenStore(`test.token.${Math.random()}`);
  if (token) tokens.set(token);
  const calls: { url: string; init: RequestInit }[] = [];
  const client = createApiClient({
    tokens,
    fetch: async (input, init = {}) => {
      calls.push({ url: String(input), init });
      return reply();
    },
  });
  return { client, tokens, calls };
}

describe('toApiError', () => {
  it('keeps the code and message of the API error shape', () => {
    const error = toApiError(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password.' } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'invalid_credentials', message: 'Wrong email or password.', status: 401 });
  });

  it('falls back to the type of an OpenAI envelope whose code is null', () => {
    const error = toApiError(429, { error: { message: 'Slow down', type: 'rate_limit_error', param: null, code: null } });
    expect(error).toMatchObject({ code: 'rate_limit_error', message: 'Slow down' });
  });

  it('gives readable fallbacks for bodies that are not the error shape', () => {
    expect(toApiError(502, undefined)).toMatchObject({ code: 'server_error', status: 502 });
    expect(toApiError(502, undefined).message).toMatch(/HTTP 502/);
    expect(toApiError(404, { message: 'nope' })).toMatchObject({ code: 'http_404', status: 404 });
    expect(toApiError(400, { error: { code: 'validation_failed' } })).toMatchObject({ code: 'validation_failed' });
  });
});

describe('createApiClient', () => {
  it('downloads a file with the bearer token and the name the server suggests', async () => {
    const pdf = () => new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="INV-2026-000001.pdf"' } });
    const { client, calls } = setup(pdf, 'tok-1');
    const file = await client.download('/api/orgs/o/invoices/i/pdf');
    expect(file.filename).toBe('INV-2026-000001.pdf');
    expect(await file.blob.text()).toBe('%PDF-1.7');
    expect(calls[0].init.headers).toMatchObject({ Authorization: 'Bearer tok-1' });
  });

  it('reports a failed download as an ApiError', async () => {
    const { client } = setup(() => json(404, { error: { code: 'not_found', message: 'invoice not found' } }), 'tok-1');
    await expect(client.download('/api/orgs/o/invoices/x/pdf')).rejects.toMatchObject({ code: 'not_found', status: 404 });
  });

  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const { client, calls } = setup(() => json(200, { ok: true }), 'tok-1');
    await expect(client.post('/api/things', { name: 'a' })).resolves.toEqual({ ok: true });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0]).toMatchObject({ url: '/api/things', init: { method: 'POST', body: '{"name":"a"}' } });
    expect(headers).toMatchObject({ Authorization: 'Bearer tok-1', 'Content-Type': 'application/json' });
  });

  it('sends no Authorization header and no body when there is nothing to send', async () => {
    const { client, calls } = setup(() => json(200, {}));
    await client.get('/api/auth/me');
    expect(calls[0].init.headers).not.toHaveProperty('Authorization');
    expect(calls[0].init.headers).not.toHaveProperty('Content-Type');
    expect(calls[0].init.body).toBeUndefined();
  });

  it('rejects with the mapped ApiError on a failed response', async () => {
    const { client } = setup(() => json(403, { error: { code: 'forbidden', message: 'Admins only.' } }), 'tok');
    await expect(client.get('/api/members')).rejects.toMatchObject({ code: 'forbidden', message: 'Admins only.', status: 403 });
  });

  it('clears a token the API rejects, ending the session', async () => {
    const { client, tokens } = setup(() => json(401, { error: { code: 'unauthorized', message: 'Expired.' } }), 'tok');
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(tokens.get()).toBeNull();
  });

  it('treats a 401 without a token as an ordinary error (wrong credentials)', async () => {
    const { client, tokens } = setup(() => json(401, { error: { code: 'invalid_credentials', message: 'Wrong email or password.' } }));
    const changes: unknown[] = [];
    tokens.subscribe(() => changes.push(tokens.get()));
    await expect(client.post('/api/auth/login', { email: 'a@b.co', password: 'x' })).rejects.toMatchObject({
      code: 'invalid_credentials',
      message: 'Wrong email or password.',
    });
    expect(changes).toEqual([]);
  });

  it('reports an unreachable server as network_error with status 0', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('fetch failed')));
    await expect(client.get('/api/auth/me')).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('returns undefined for an empty body and rejects a non-JSON success body', async () => {
    await expect(setup(() => new Response(null, { status: 204 })).client.post('/api/x')).resolves.toBeUndefined();
    const html = setup(() => new Response('<!doctype html>', { status: 200 }));
    await expect(html.client.get('/api/x')).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('createApiClient token refresh', () => {
  /** A server whose access tokens are `access-N`; refresh answers with the next N (once per refresh token). */
  function server(valid: string) {
    const tokens = createTokenStore(`test.refresh.${Math.random()}`);
    const calls: string[] = [];
    let current = valid;
    let rejectAll = false;
    let n = 1;
    const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      const url = String(input);
      calls.push(url);
      if (url === '/api/auth/refresh') {
        const { refreshToken } = JSON.parse(String(init.body)) as { refreshToken: string };
        if (refreshToken !== `refresh-${n}`) return json(401, { error: { code: 'unauthenticated', message: 'Sign in again.' } });
        n += 1;
        current = `access-${n}`;
        return json(200, { accessToken: current, refreshToken: `refresh-${n}`, expiresIn: 60 });
      }
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === `Bearer ${current}` && !rejectAll ? json(200, { ok: auth }) : json(401, { error: { code: 'unauthenticated', message: 'Expired.' } });
    };
    return { client: createApiClient({ tokens, fetch }), tokens, calls, expire: () => (rejectAll = true) };
  }

  it('refreshes once on a 401 and retries the request with the new token', async () => {
    const { client, tokens, calls } = server('access-2');
    tokens.setSession('access-1', 'refresh-1');
    await expect(client.get('/api/x')).resolves.toEqual({ ok: 'Bearer access-2' });
    expect(calls).toEqual(['/api/x', '/api/auth/refresh', '/api/x']);
    expect([tokens.get(), tokens.getRefresh()]).toEqual(['access-2', 'refresh-2']);
  });

  it('shares one refresh between parallel requests (refresh tokens are single use)', async () => {
    const { client, tokens, calls } = server('access-2');
    tokens.setSession('access-1', 'refresh-1');
    await Promise.all([client.get('/api/a'), client.get('/api/b'), client.get('/api/c')]);
    expect(calls.filter((c) => c === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused', async () => {
    const { client, tokens, calls } = server('access-9');
    tokens.setSession('access-1', 'stale');
    await expect(client.get('/api/x')).rejects.toMatchObject({ status: 401 });
    expect(calls).toEqual(['/api/x', '/api/auth/refresh']);
    expect([tokens.get(), tokens.getRefresh()]).toEqual([null, null]);
  });

  it('does not loop when the refreshed token is rejected too', async () => {
    const { client, tokens, calls, expire } = server('access-2');
    tokens.setSession('access-1', 'refresh-1');
    expire();
    await expect(client.get('/api/x')).rejects.toMatchObject({ status: 401 });
    expect(calls).toEqual(['/api/x', '/api/auth/refresh', '/api/x']);
    expect(tokens.get()).toBeNull();
  });
});
