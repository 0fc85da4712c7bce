import { EmptyState } from '../components/empty-state';
import { useCurrentOrg } from '../orgs/current-org';
import { Link } from '../router/link';
import { orgPath } from '../router/routes';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  const { org } = useCurrentOrg();
  return (
    <section className="page">
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address">
        <p>The link may be out of date, or the page may have moved.</p>
        <Link className="button button-secondary" href={org ? orgPath(org.id) : '/'}>
          Go to the dashboard
        </Link>
      </EmptyState>
    </section>
  );
}
