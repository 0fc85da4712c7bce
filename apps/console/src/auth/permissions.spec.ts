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

  it('grants nothing to an unknown role', () => {
    expect(can('owner', 'models:read')).toBe(false);
  });
});
