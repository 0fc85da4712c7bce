import type { SessionUser } from '../auth/session.types';
import type { NavItem } from './nav-items';

/** What the shell hands every org page. */
export interface PageProps {
  item: NavItem;
  user: SessionUser;
}
