import OpenAI from 'openai';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminClient } from './support/admin-client';
import { inviteMember, signIn, type SignedIn } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

describe('tenancy: orgs, members, sessions, keys and audit', () => {
  let t: TestApp;
  let owner: AdminClient;
  let orgId: string;
  let developer: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    t = await startTestApp();
    owner = new AdminClient(t.url, await t.ownerToken());
    orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: 'Acme Labs' })).id;
    developer = await inviteMember(t.url, owner, orgId, 'dev@acme.test', 'developer');
    viewer = await inviteMember(t.url, owner, orgId, 'viewer@acme.test', 'viewer');
  });
  afterAll(() => t?.close());

  it('lets only the platform owner create orgs', async () => {
    expect((await developer.client.raw('POST', '/api/orgs', { name: 'Mine' })).status).toBe(403);
  });

  it('shows each member the orgs and role they have', async () => {
    const me = await developer.client.call<{ orgs: { id: string; role: string }[] }>('GET', '/api/auth/me');
    expect(me.orgs).toEqual([expect.objectContaining({ id: orgId, role: 'developer' })]);
  });

  it('refuses an invite token twice', async () => {
    const invite = await owner.call<{ token: string }>('POST', `/api/orgs/${orgId}/invites`, { email: 'once@acme.test', role: 'viewer' });
    const accept = () => fetch(`${t.url}/api/invites/accept`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: invite.token, name: 'Once', password: 'once-password-1' }),
    });
    expect((await accept()).status).toBe(200);
    expect((await accept()).status).toBe(404);
    const inbox = await owner.call<{ items: { type: string; data: Record<string, unknown> }[] }>('GET', `/api/orgs/${orgId}/notifications`);
    const invited = inbox.items.filter((n) => n.type === 'member.invited' && n.data.email === 'once@acme.test');
    expect(invited).toHaveLength(1);
    expect(JSON.stringify(invited)).not.toContain(invite.token);
  });

  it('keeps at least one admin', async () => {
    const members = await owner.call<{ userId: string; role: string }[]>('GET', `/api/orgs/${orgId}/members`);
    const admin = members.find((m) => m.role === 'admin')!;
    expect((await owner.raw('PATCH', `/api/orgs/${orgId}/members/${admin.userId}`, { role: 'viewer' })).status).toBe(409);
    expect((await owner.raw('DELETE', `/api/orgs/${orgId}/members/${admin.userId}`)).status).toBe(409);
  });

  it('lets developers manage only their own keys, admins all of them', async () => {
    const ownerKey = await owner.call<{ id: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'owner key' });
    const devKey = await developer.client.call<{ id: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: 'dev key' });
    const devList = await developer.client.call<{ id: string }[]>('GET', `/api/orgs/${orgId}/api-keys`);
    expect(devList.map((k) => k.id)).toEqual([devKey.id]);
    expect((await developer.client.raw('POST', `/api/orgs/${orgId}/api-keys/${ownerKey.id}/revoke`)).status).toBe(404);
    expect((await developer.client.raw('PATCH', `/api/orgs/${orgId}/api-keys/${ownerKey.id}`, { name: 'mine now' })).status).toBe(404);
    const adminList = await owner.call<{ id: string }[]>('GET', `/api/orgs/${orgId}/api-keys`);
    expect(adminList.map((k) => k.id)).toEqual(expect.arrayContaining([ownerKey.id, devKey.id]));
    expect((await viewer.client.raw('GET', `/api/orgs/${orgId}/api-keys`)).status).toBe(403);
    expect((await viewer.client.raw('POST', `/api/orgs/${orgId}/api-keys`, { name: 'nope' })).status).toBe(403);
  });

  it('ignores mass-assigned ownership and role fields', async () => {
    const res = await developer.client.raw('POST', `/api/orgs/${orgId}/api-keys`, { name: 'sneaky', orgId: t.credentials.demoOrgId, userId: 'x' });
    expect(res.status).toBe(400);
    const invite = await developer.client.raw('POST', `/api/orgs/${orgId}/invites`, { email: 'boss@acme.test', role: 'admin' });
    expect(invite.status).toBe(403);
  });

  describe('key lifecycle, seen from /v1', () => {
    const demoOrg = () => t.credentials.demoOrgId!;
    const call = (secret: string) =>
      new OpenAI({ apiKey: secret, baseURL: `${t.url}/v1`, maxRetries: 0 }).chat.completions.create({ model: 'demo-chat', messages: [{ role: 'user', content: 'hi' }] });

    it('suspends, resumes, rotates and revokes', async () => {
      const key = await owner.call<{ id: string; secret: string; display: string }>('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'lifecycle' });
      expect(key.display).toBe(`${key.secret.slice(0, 8)}…${key.secret.slice(-4)}`);
      await call(key.secret);
      await owner.call('POST', `/api/orgs/${demoOrg()}/api-keys/${key.id}/suspend`);
      await expect(call(key.secret)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      await owner.call('POST', `/api/orgs/${demoOrg()}/api-keys/${key.id}/resume`);
      await call(key.secret);
      const rotated = await owner.call<{ secret: string }>('POST', `/api/orgs/${demoOrg()}/api-keys/${key.id}/rotate`);
      await expect(call(key.secret)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      await call(rotated.secret);
      await owner.call('POST', `/api/orgs/${demoOrg()}/api-keys/${key.id}/revoke`);
      await expect(call(rotated.secret)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      expect((await owner.raw('POST', `/api/orgs/${demoOrg()}/api-keys/${key.id}/resume`)).status).toBe(409);
    });

    it('honours expiry and the IP allowlist', async () => {
      const expired = await owner.call<{ secret: string; status: string }>('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'old', expiresAt: new Date(Date.now() - 1000).toISOString() });
      expect(expired.status).toBe('expired');
      await expect(call(expired.secret)).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
      const elsewhere = await owner.call<{ secret: string }>('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'office', ipAllowlist: ['203.0.113.0/24'] });
      await expect(call(elsewhere.secret)).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
      const local = await owner.call<{ secret: string }>('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'local', ipAllowlist: ['127.0.0.0/8', '::1'] });
      await call(local.secret);
      expect((await owner.raw('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'bad', ipAllowlist: ['300.1.1.1'] })).status).toBe(400);
    });

    it('restricts providers per key', async () => {
      const key = await owner.call<{ secret: string }>('POST', `/api/orgs/${demoOrg()}/api-keys`, { name: 'anthropic only', allowedProviders: ['anthropic'] });
      await expect(call(key.secret)).rejects.toMatchObject({ status: 503 });
    });
  });

  describe('sessions', () => {
    it('rotates refresh tokens and refuses a used one', async () => {
      const session = await signIn(t.url, 'dev@acme.test', 'member-password-1');
      const refresh = (token: string) => fetch(`${t.url}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: token }) });
      const first = await refresh(session.refreshToken);
      expect(first.status).toBe(200);
      const next = (await first.json()) as { accessToken: string; refreshToken: string };
      expect(next.refreshToken).not.toBe(session.refreshToken);
      expect((await refresh(session.refreshToken)).status).toBe(401);
      expect((await new AdminClient(t.url, next.accessToken).raw('GET', '/api/auth/me')).status).toBe(200);
    });

    it('logs out: the access token stops working', async () => {
      const session = await signIn(t.url, 'viewer@acme.test', 'member-password-1');
      expect((await session.client.raw('POST', '/api/auth/logout')).status).toBe(204);
      expect((await session.client.raw('GET', '/api/auth/me')).status).toBe(401);
    });

    it('changes the password and ends the other sessions', async () => {
      const a = await signIn(t.url, 'once@acme.test', 'once-password-1');
      const b = await signIn(t.url, 'once@acme.test', 'once-password-1');
      expect((await a.client.raw('POST', '/api/auth/password', { currentPassword: 'wrong-password', newPassword: 'brand-new-password' })).status).toBe(401);
      expect((await a.client.raw('POST', '/api/auth/password', { currentPassword: 'once-password-1', newPassword: 'brand-new-password' })).status).toBe(204);
      expect((await a.client.raw('GET', '/api/auth/me')).status).toBe(200);
      expect((await b.client.raw('GET', '/api/auth/me')).status).toBe(401);
      await expect(signIn(t.url, 'once@acme.test', 'once-password-1')).rejects.toThrow(/401/);
      await signIn(t.url, 'once@acme.test', 'brand-new-password');
    });

    it('locks an account after repeated failures, with Retry-After', async () => {
      const attempt = () => fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'viewer@acme.test', password: 'not-the-password' }) });
      for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
      const locked = await attempt();
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      await expect(signIn(t.url, 'viewer@acme.test', 'member-password-1')).rejects.toThrow(/429/);
    });
  });

  it('audits admin mutations without secrets, readable by admins only', async () => {
    await owner.call('POST', `/api/orgs/${orgId}/provider-accounts`, { name: 'audited', kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', apiKey: 'sk-audit-canary-123456' });
    const entries = await owner.call<{ action: string; actorEmail: string; details: unknown; ip: string }[]>('GET', `/api/orgs/${orgId}/audit-log`);
    const created = entries.find((e) => e.action === 'POST /api/orgs/:orgId/provider-accounts')!;
    expect(created).toMatchObject({ actorEmail: 'owner@example.com', details: { name: 'audited', apiKey: '[redacted]' } });
    expect(created.ip).toBeTruthy();
    expect(JSON.stringify(entries)).not.toContain('sk-audit-canary');
    const rows = await t.app.get(DataSource).query('SELECT details::text AS d FROM audit_log');
    expect(JSON.stringify(rows)).not.toContain('sk-audit-canary');
    expect((await developer.client.raw('GET', `/api/orgs/${orgId}/audit-log`)).status).toBe(403);
  });

  it('documents the admin API as OpenAPI, with validated bodies', async () => {
    const doc = (await (await fetch(`${t.url}/docs/json`)).json()) as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const create = doc.paths['/api/orgs/{orgId}/api-keys']!.post!;
    expect(create.requestBody).toMatchObject({ content: { 'application/json': { schema: { properties: { name: expect.anything() } } } } });
    expect((await fetch(`${t.url}/docs`)).status).toBe(200);
  });
});
