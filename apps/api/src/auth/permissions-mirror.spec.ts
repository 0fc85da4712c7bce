import { describe, expect, it } from 'vitest';
import { can as consoleCan } from '../../../console/src/auth/permissions';
import { can, type Permission, ROLE_PERMISSIONS } from './permissions';

// The console keeps a copy of this table to hide what a role cannot do; this keeps the copy honest.
describe('the console permission mirror', () => {
  it('answers exactly as the API table does, for every role, resource and action', () => {
    const resources = [...new Set(Object.values(ROLE_PERMISSIONS).flatMap((table) => Object.keys(table)))];
    for (const role of ['admin', 'developer', 'viewer'] as const) {
      for (const resource of resources) {
        for (const action of ['read', 'write', 'delete', 'manage']) {
          const permission = `${resource}:${action}` as Permission;
          expect(consoleCan(role, permission), `${role} ${permission}`).toBe(can(role, permission));
        }
      }
    }
  });
});
