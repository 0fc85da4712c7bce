import { can as roleCan, type Permission } from '@ai-router/contracts';

export type { Action, Permission, Resource } from '@ai-router/contracts';

/**
 * Whether the console offers an action. The API stays the authority (it answers 403 either way); this
 * only hides what a role cannot do. Platform owners hold every permission in every org, including those
 * no role has (`billing:manage`).
 */
export function can(role: string, permission: Permission, isPlatformOwner = false): boolean {
  if (isPlatformOwner) return true;
  return role === 'admin' || role === 'developer' || role === 'viewer' ? roleCan(role, permission) : false;
}
