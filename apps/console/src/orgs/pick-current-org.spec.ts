import { describe, expect, it } from 'vitest';
import { pickCurrentOrg } from './pick-current-org';

const acme = { id: 'o1', name: 'Acme', role: 'owner' };
const globex = { id: 'o2', name: 'Globex', role: 'member' };

describe('pickCurrentOrg', () => {
  it('prefers the remembered org, else the first, else none', () => {
    expect(pickCurrentOrg([acme, globex], 'o2')).toBe(globex);
    expect(pickCurrentOrg([acme, globex], 'gone')).toBe(acme);
    expect(pickCurrentOrg([acme, globex], null)).toBe(acme);
    expect(pickCurrentOrg([], 'o1')).toBeUndefined();
  });
});
