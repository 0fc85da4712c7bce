import { randomUUID } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIRED_PERMISSION } from '../src/auth/authenticated.decorator';
import { ConsoleAuthGuard } from '../src/auth/console-auth.guard';
import { can, type Permission } from '../src/auth/permissions';
import type { OrgRole } from '../src/orgs/membership.entity';
import { AdminClient } from './support/admin-client';
import { inviteMember } from './support/console-session';
import { startTestApp, type TestApp } from './support/test-app';

interface Endpoint {
  method: string;
  /** OpenAPI path, e.g. /api/orgs/{orgId}/api-keys/{id}. */
  path: string;
  permission: Permission | null;
  authenticated: boolean;
}

/** Every /api route the app serves, with the permission its handler declares: read from the app itself. */
function discoverEndpoints(t: TestApp, doc: { paths: Record<string, Record<string, { operationId: string }>> }): Endpoint[] {
  const handlers = new Map<string, { permission: Permission | null; authenticated: boolean }>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as { name: string; prototype: Record<string, unknown> };
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = cls.prototype[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const guards = (Reflect.getMetadata('__guards__', handler) ?? []) as unknown[];
        handlers.set(`${cls.name}_${name}`, {
          permission: Reflect.getMetadata(REQUIRED_PERMISSION, handler) ?? null,
          authenticated: guards.includes(ConsoleAuthGuard),
        });
      }
    }
  }
  return Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, ...handlers.get(op.operationId)! })));
}

interface OrgFixture {
  orgId: string;
  /** Real ids of this org's objects, by the path segment that names them. */
  ids: Record<string, string>;
  /** Strings that must never appear in another org's answers. */
  markers: string[];
}

async function buildOrg(t: TestApp, owner: AdminClient, label: string): Promise<OrgFixture> {
  const orgId = (await owner.call<{ id: string }>('POST', '/api/orgs', { name: `Org ${label}` })).id;
  const account = await owner.createProvider(orgId, { name: `provider-${label}-marker`, kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1' });
  const model = await owner.createModel(orgId, `model-${label}-marker`, [{ providerAccountId: account.id, upstreamModel: 'x' }]);
  const key = await owner.call<{ id: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name: `key-${label}-marker` });
  const invite = await owner.call<{ id: string }>('POST', `/api/orgs/${orgId}/invites`, { email: `invitee-${label}@x.test`, role: 'viewer' });
  const rule = await owner.call<{ id: string }>('POST', `/api/orgs/${orgId}/alert-rules`, { kind: 'key_disabled', name: `rule-${label}-marker`, params: {} });
  await inviteMember(t.url, owner, orgId, `member-${label}@x.test`, 'viewer');
  const members = await owner.call<{ userId: string; email: string }[]>('GET', `/api/orgs/${orgId}/members`);
  return {
    orgId,
    ids: {
      'provider-accounts': account.id, models: model.id, 'api-keys': key.id, invites: invite.id,
      members: members.find((m) => m.email.startsWith('member-'))!.userId, keys: account.keys[0]!.id, deployments: model.deployments[0]!.id, 'alert-rules': rule.id,
    },
    markers: [`provider-${label}-marker`, `model-${label}-marker`, `key-${label}-marker`, `invitee-${label}`, `member-${label}`, `rule-${label}-marker`],
  };
}

/** Fills `{param}` segments: orgId from `org`, every other id from `ids` (by the segment before it) or a random uuid. */
function fill(path: string, orgId: string, ids: Record<string, string> | null): string {
  const parts = path.split('/');
  return parts.map((part, i) => {
    if (part === '{orgId}') return orgId;
    if (!part.startsWith('{')) return part;
    return ids?.[parts[i - 1]!] ?? randomUUID();
  }).join('/');
}

const ROLES: OrgRole[] = ['admin', 'developer', 'viewer'];

describe('admin API authorisation matrix (every endpoint x role x own/other org)', () => {
  let t: TestApp;
  let endpoints: Endpoint[];
  let own: OrgFixture;
  let other: OrgFixture;
  const clients = new Map<OrgRole, AdminClient>();

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
    const owner = new AdminClient(t.url, await t.ownerToken());
    await owner.call('PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
    own = await buildOrg(t, owner, 'a');
    other = await buildOrg(t, owner, 'b');
    for (const role of ROLES) clients.set(role, (await inviteMember(t.url, owner, own.orgId, `${role}@a.test`, role)).client);
    endpoints = discoverEndpoints(t, (await (await fetch(`${t.url}/docs/json`)).json()) as never);
  });
  afterAll(() => t?.close());

  it('covers the org-scoped admin surface', () => {
    const scoped = endpoints.filter((e) => e.path.includes('{orgId}'));
    expect(scoped.length).toBeGreaterThan(25);
    expect(scoped.every((e) => e.permission)).toBe(true);
  });

  it('refuses every authenticated endpoint without a token', async () => {
    for (const e of endpoints.filter((x) => x.authenticated)) {
      const withBody = e.method !== 'GET' && e.method !== 'DELETE';
      const res = await fetch(`${t.url}${fill(e.path, own.orgId, null)}`, {
        method: e.method, headers: withBody ? { 'content-type': 'application/json' } : {}, body: withBody ? '{}' : undefined,
      });
      expect({ endpoint: `${e.method} ${e.path}`, status: res.status }).toEqual({ endpoint: `${e.method} ${e.path}`, status: 401 });
    }
  });

  for (const role of ROLES) {
    it(`${role}: own org follows the permission table; other orgs and their objects stay invisible`, async () => {
      const client = clients.get(role)!;
      const failures: string[] = [];
      for (const e of endpoints.filter((x) => x.permission)) {
        const body = e.method === 'GET' || e.method === 'DELETE' ? undefined : {};
        const label = `${e.method} ${e.path}`;
        const allowed = can(role, e.permission!);

        // Own org, unknown object ids: never mutates, shows the authorisation decision.
        const ownRes = await client.raw(e.method, fill(e.path, own.orgId, null), body);
        if (allowed ? [401, 403].includes(ownRes.status) : ownRes.status !== 403) failures.push(`${label} own: ${ownRes.status}`);
        const ownText = await ownRes.text();
        if (other.markers.some((m) => ownText.includes(m))) failures.push(`${label} own: leaked another org's data`);

        // Another org, with its real object ids: as if it did not exist.
        const otherRes = await client.raw(e.method, fill(e.path, other.orgId, other.ids), body);
        const otherText = await otherRes.text();
        if (otherRes.status !== 404) failures.push(`${label} other org: ${otherRes.status}`);
        if (other.markers.some((m) => otherText.includes(m))) failures.push(`${label} other org: leaked data`);

        // Own org in the path, another org's object ids: object-level checks.
        if (allowed && /\{(id|userId|keyId|deploymentId)\}/.test(e.path)) {
          const crossRes = await client.raw(e.method, fill(e.path, own.orgId, other.ids), body);
          const crossText = await crossRes.text();
          if (crossRes.status < 400 || [401, 403].includes(crossRes.status)) failures.push(`${label} cross-object: ${crossRes.status}`);
          if (other.markers.some((m) => crossText.includes(m))) failures.push(`${label} cross-object: leaked data`);
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
