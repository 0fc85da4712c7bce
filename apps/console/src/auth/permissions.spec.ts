import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('can', () => {
  it('follows the API role table', () => {
    expect(can('admin', 'providers:write')).toBe(true);
    expect(can('admin', 'audit:write')).toBe(false);
    expect(can('developer', 'apiKeys:write')).toBe(true);
    expect(can('developer', 'apiKeys:manage')).toBe(false);
    expect(can('developer', 'providers:read')).toBe(false);
    expect(can('viewer', 'models:read')).toBe(true);
    expect(can('viewer', 'models:write')).toBe(false);
    expect(can('viewer', 'apiKeys:read')).toBe(false);
  });

  it('lets only the platform owner manage billing, and developers read only their own requests', () => {
    expect(can('admin', 'billing:manage')).toBe(false);
    expect(can('viewer', 'billing:manage', true)).toBe(true);
    expect(can('developer', 'requests:read')).toBe(true);
    expect(can('developer', 'requests:manage')).toBe(false);
    expect(can('viewer', 'requests:manage')).toBe(true);
  });

  it('lets every role read quotas, monitoring and billing, and only admins change quotas and the SLA target', () => {
    for (const role of ['admin', 'developer', 'viewer']) {
      expect(can(role, 'quotas:read')).toBe(true);
      expect(can(role, 'monitoring:read')).toBe(true);
      expect(can(role, 'billing:read')).toBe(true);
      expect(can(role, 'billing:manage')).toBe(false);
      expect(can(role, 'monitoring:manage')).toBe(false);
    }
    expect(can('admin', 'quotas:delete')).toBe(true);
    expect(can('admin', 'monitoring:write')).toBe(true);
    expect(can('developer', 'quotas:write')).toBe(false);
    expect(can('viewer', 'monitoring:write')).toBe(false);
  });

  it('grants nothing to an unknown role', () => {
    expect(can('owner', 'models:read')).toBe(false);
  });
});
