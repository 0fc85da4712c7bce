import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { sessionQueryKey } from '../auth/use-session';
import { EmptyState } from '../components/empty-state';
import { useCurrentOrg } from '../orgs/current-org';
import { Link } from '../router/link';
import { orgPath } from '../router/routes';
import { PageHeader } from './page-header';

/** An org the user is not in: no data, and no hint whether it exists at all. */
export function OrgNotFoundPage() {
  const { orgs } = useCurrentOrg();
  const client = useQueryClient();
  // The list of orgs may predate an invite accepted elsewhere or a newly created org: check once more.
  useEffect(() => {
    void client.invalidateQueries({ queryKey: sessionQueryKey });
  }, [client]);
  return (
    <section className="page">
      <PageHeader title="Organisation not found" />
      <EmptyState badge="Not found" title="This organisation doesn't exist, or you don't have access to it">
        <p>Check the link, or ask an admin of that organisation to invite you.</p>
        {orgs[0] && (
          <Link className="button button-secondary" href={orgPath(orgs[0].id)}>
            Go to {orgs[0].name}
          </Link>
        )}
      </EmptyState>
    </section>
  );
}
