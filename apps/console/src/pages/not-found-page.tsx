import { EmptyState } from '../components/empty-state';
import { Link } from '../router/link';
import { PageHeader } from './page-header';

export function NotFoundPage() {
  return (
    <section className="page">
      <PageHeader title="Page not found" />
      <EmptyState title="There is nothing at this address">
        <p>The link may be out of date, or the page may have moved.</p>
        <Link className="button button-secondary" href="/">
          Go to the dashboard
        </Link>
      </EmptyState>
    </section>
  );
}
