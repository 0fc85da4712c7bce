import type { OrgRoleName } from '@ai-router/contracts';

export type Resource = 'org' | 'members' | 'invites' | 'apiKeys' | 'providers' | 'models' | 'usage' | 'audit' | 'billing' | 'quotas' | 'monitoring' | 'requestBodies' | 'requests';
export type Action = 'read' | 'write' | 'delete' | 'manage';
export type Permission = `${Resource}:${Action}`;

const ALL: readonly Action[] = ['read', 'write', 'delete', 'manage'];

/**
 * The API's role table (apps/api/src/auth/permissions.ts), mirrored so the console does not offer what a
 * role cannot do. The API stays the authority: a stale copy here only hides or shows a button, and the
 * API answers 403 either way. Move it to libs/contracts when the API publishes it there.
 */
const ROLE_PERMISSIONS: Readonly<Record<OrgRoleName, Readonly<Partial<Record<Resource, readonly Action[]>>>>> = {
  admin: { org: ALL, members: ALL, invites: ALL, apiKeys: ALL, providers: ALL, models: ALL, usage: ALL, audit: ['read'], billing: ['read', 'write'], quotas: ALL, monitoring: ['read', 'write'], requestBodies: ['read'], requests: ['read', 'manage'] },
  developer: { org: ['read'], apiKeys: ['read', 'write', 'delete'], models: ['read'], usage: ['read'], billing: ['read'], quotas: ['read'], monitoring: ['read'], requestBodies: ['read'], requests: ['read'] },
  viewer: { org: ['read'], models: ['read'], usage: ['read'], billing: ['read'], quotas: ['read'], monitoring: ['read'], requests: ['read', 'manage'] },
};

/** Platform owners hold every permission in every org, including those no role has (`billing:manage`). */
export function can(role: string, permission: Permission, isPlatformOwner = false): boolean {
  if (isPlatformOwner) return true;
  const [resource, action] = permission.split(':') as [Resource, Action];
  return ROLE_PERMISSIONS[role as OrgRoleName]?.[resource]?.includes(action) ?? false;
}
