import { Link } from '../router/link';
import type { NavItem } from './nav-items';
import { NAV_ITEMS } from './nav-items';

export function Sidebar({ active }: { active: NavItem | undefined }) {
  return (
    <aside className="sidebar">
      <Link className="brand" href="/">
        <span className="brand-mark" aria-hidden="true" />
        AI Router
      </Link>
      <nav aria-label="Main">
        <ul className="nav-list">
          {NAV_ITEMS.map((item) => (
            <li key={item.path}>
              <Link className="nav-link" href={item.path} aria-current={item === active ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
