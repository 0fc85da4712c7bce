import { describe, expect, it } from 'vitest';
import { orgPath, parseRoute } from './routes';

describe('parseRoute', () => {
  it('reads org pages, with or without a section and trailing slash', () => {
    expect(parseRoute('/orgs/o1')).toEqual({ name: 'org', orgId: 'o1', section: '/' });
    expect(parseRoute('/orgs/o1/')).toEqual({ name: 'org', orgId: 'o1', section: '/' });
    expect(parseRoute('/orgs/o1/keys')).toEqual({ name: 'org', orgId: 'o1', section: '/keys' });
    expect(parseRoute('/orgs/o1/keys/k2')).toEqual({ name: 'org', orgId: 'o1', section: '/keys/k2' });
  });

  it('reads the public invite page and the profile', () => {
    expect(parseRoute('/invite/abc%2Bdef')).toEqual({ name: 'invite', token: 'abc+def' });
    expect(parseRoute('/profile/')).toEqual({ name: 'profile' });
  });

  it('treats any other address as a page of the current org', () => {
    expect(parseRoute('/')).toEqual({ name: 'no-org', section: '/' });
    expect(parseRoute('/keys')).toEqual({ name: 'no-org', section: '/keys' });
  });

  it('builds org paths that parse back', () => {
    expect(orgPath('o1')).toBe('/orgs/o1');
    expect(orgPath('o1', '/models')).toBe('/orgs/o1/models');
    expect(parseRoute(orgPath('o 1', '/models'))).toEqual({ name: 'org', orgId: 'o 1', section: '/models' });
  });
});
