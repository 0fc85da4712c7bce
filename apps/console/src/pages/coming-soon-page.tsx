import { EmptyState } from '../components/empty-state';
import type { NavItem } from '../layout/nav-items';
import { PageHeader } from './page-header';

/** Placeholder for sections that later releases fill in. */
export function ComingSoonPage({ item }: { item: NavItem }) {
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} />
      <EmptyState badge="Coming soon" title="This section is on its way">
        <p>It will appear here in an upcoming release, with nothing for you to set up.</p>
      </EmptyState>
    </section>
  );
}
