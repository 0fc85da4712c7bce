/** Where the console is: a public invite, the user's profile, or a page of one org. */
export type Route =
  | { name: 'invite'; token: string }
  | { name: 'profile' }
  /** `section` is the org-relative page path, `/` for the dashboard, `/keys` for API keys. */
  | { name: 'org'; orgId: string; section: string }
  /** An address without an org (`/`, `/keys`): shown for the current org. */
  | { name: 'no-org'; section: string };

function clean(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export function parseRoute(pathname: string): Route {
  const path = clean(pathname);
  const invite = /^\/invite\/([^/]+)$/.exec(path);
  if (invite) return { name: 'invite', token: decodeURIComponent(invite[1]!) };
  if (path === '/profile') return { name: 'profile' };
  const org = /^\/orgs\/([^/]+)(\/.*)?$/.exec(path);
  if (org) return { name: 'org', orgId: decodeURIComponent(org[1]!), section: org[2] ?? '/' };
  return { name: 'no-org', section: path };
}

/** The address of an org page; `section` is a nav path such as `/` or `/keys`. */
export function orgPath(orgId: string, section = '/'): string {
  const base = `/orgs/${encodeURIComponent(orgId)}`;
  return section === '/' ? base : `${base}${section}`;
}
