import { describe, expect, it } from 'vitest';
import { findNavItem } from './nav-items';

describe('findNavItem', () => {
  it('matches exact paths, trailing slashes and sub-paths', () => {
    expect(findNavItem('/')?.label).toBe('Dashboard');
    expect(findNavItem('/keys')?.label).toBe('API keys');
    expect(findNavItem('/keys/')?.label).toBe('API keys');
    expect(findNavItem('/keys/key_123')?.label).toBe('API keys');
  });

  it('finds nothing for unknown paths or look-alike prefixes', () => {
    expect(findNavItem('/nope')).toBeUndefined();
    expect(findNavItem('/keysmith')).toBeUndefined();
  });
});
