import type { OrgRoleName } from './orgs.schema';

/** What can be acted on in an org. */
export type Resource = 'org' | 'members' | 'invites' | 'apiKeys' | 'providers' | 'models' | 'usage' | 'audit' | 'billing' | 'quotas' | 'monitoring' | 'requestBodies' | 'requests';

/**
 * read / write / delete are the usual; `manage` means acting on what others own (another member's
 * API keys) or on the org's shape (roles, settings).
 */
export type Action = 'read' | 'write' | 'delete' | 'manage';

export type Permission = `${Resource}:${Action}`;

const ALL: Action[] = ['read', 'write', 'delete', 'manage'];

/**
 * `requestBodies:read` (stored prompts and answers, masked) is for admins and developers, not viewers.
 * `billing:write` is redeeming codes and coupons for the org.
 * `billing:manage` (top-ups, settings, prices) is granted to no org role: only the platform owner,
 * who holds every permission, moves money in and sets prices. Likewise `monitoring:manage` (issuing
 * SLA reports on demand); `monitoring:write` sets the org's SLA target and spend anomaly thresholds.
 *
 * `requests:read` lists the requests of the caller's own API keys; `requests:manage` widens it to
 * every request of the org. Request logs are read-only, so viewers (read-only over the whole org)
 * hold it too.
 *
 * The one table that decides authorisation: role -> resource -> actions. The API's guards and services
 * consult it (ownership: `apiKeys:manage`); the console reads the same table to offer only what a role
 * may do. Nothing else decides who may do what.
 */
export const ROLE_PERMISSIONS: Readonly<Record<OrgRoleName, Readonly<Partial<Record<Resource, readonly Action[]>>>>> = {
  admin: { org: ALL, members: ALL, invites: ALL, apiKeys: ALL, providers: ALL, models: ALL, usage: ALL, audit: ['read'], billing: ['read', 'write'], quotas: ALL, monitoring: ['read', 'write'], requestBodies: ['read'], requests: ['read', 'manage'] },
  developer: { org: ['read'], apiKeys: ['read', 'write', 'delete'], models: ['read'], usage: ['read'], billing: ['read'], quotas: ['read'], monitoring: ['read'], requestBodies: ['read'], requests: ['read'] },
  viewer: { org: ['read'], models: ['read'], usage: ['read'], billing: ['read'], quotas: ['read'], monitoring: ['read'], requests: ['read', 'manage'] },
};

export function can(role: OrgRoleName, permission: Permission): boolean {
  const [resource, action] = permission.split(':') as [Resource, Action];
  return ROLE_PERMISSIONS[role][resource]?.includes(action) ?? false;
}
