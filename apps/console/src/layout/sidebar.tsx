import { can } from '../auth/permissions';
import { rememberedOrgId, useCurrentOrg } from '../orgs/current-org';
import { pickCurrentOrg } from '../orgs/pick-current-org';
import { Link } from '../router/link';
import { orgPath } from '../router/routes';
import { findNavItem, NAV_ITEMS } from './nav-items';

/** The pages of the current org the role can open. */
export function Sidebar({ section }: { section: string | null }) {
  const current = useCurrentOrg();
  // On an org the user cannot open, the links lead back to their own org.
  const org = current.org ?? pickCurrentOrg(current.orgs, rememberedOrgId());
  const active = section === null ? undefined : findNavItem(section);
  const visible = NAV_ITEMS.filter((item) => !item.permission || (org && can(org.role, item.permission, current.isPlatformOwner)));
  return (
    <aside className="sidebar">
      <Link className="brand" href={org ? orgPath(org.id) : '/'}>
        <span className="brand-mark" aria-hidden="true" />
        AI Router
      </Link>
      <nav aria-label="Main">
        <ul className="nav-list">
          {visible.map((item) => (
            <li key={item.path}>
              <Link className="nav-link" href={org ? orgPath(org.id, item.path) : '/'} aria-current={item === active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
