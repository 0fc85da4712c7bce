import { lazy, Suspense, type ComponentType } from 'react';
import type { SessionUser } from '../auth/session.types';
import { NoAccess } from '../components/no-access';
import { Loading } from '../components/query-state';
import { useCurrentOrg } from '../orgs/current-org';
import { can } from '../auth/permissions';
import { AlertsPage } from '../pages/alerts/alerts-page';
import { ApiKeysPage } from '../pages/api-keys/api-keys-page';
import { BillingPage } from '../pages/billing/billing-page';
import { AuditPage } from '../pages/audit/audit-page';
import { DashboardPage } from '../pages/dashboard/dashboard-page';
import { MembersPage } from '../pages/members/members-page';
import { ModelsPage } from '../pages/models/models-page';
import { NotFoundPage } from '../pages/not-found-page';
import { NotificationsPage } from '../pages/notifications/notifications-page';
import { OrgNotFoundPage } from '../pages/org-not-found-page';
import { PageHeader } from '../pages/page-header';
import { PlaygroundPage } from '../pages/playground/playground-page';
import { ProvidersPage } from '../pages/providers/providers-page';
import { QuotasPage } from '../pages/quotas/quotas-page';
import { RequestsPage } from '../pages/requests/requests-page';
import { RoutingPage } from '../pages/routing/routing-page';
import { SlaPage } from '../pages/sla/sla-page';
import { CostPage } from '../pages/cost/cost-page';
import { findNavItem } from './nav-items';
import type { PageProps } from './page-props';

// Charts (recharts) load with the usage page, not with the sign-in screen.
const UsagePage = lazy(() => import('../pages/usage/usage-page').then((m) => ({ default: m.UsagePage })));

const PAGES: Record<string, ComponentType<PageProps>> = {
  '/': DashboardPage,
  '/keys': ApiKeysPage,
  '/providers': ProvidersPage,
  '/models': ModelsPage,
  '/routing': RoutingPage,
  '/playground': PlaygroundPage,
  '/members': MembersPage,
  '/audit': AuditPage,
  '/usage': UsagePage,
  '/requests': RequestsPage,
  '/billing': BillingPage,
  '/notifications': NotificationsPage,
  '/quotas': QuotasPage,
  '/sla': SlaPage,
  '/cost': CostPage,
  '/alerts': AlertsPage,
};

/**
 * A page of one org. An org the user does not belong to looks like one that does not exist, and its
 * page makes no request; a page the role cannot read says so instead of showing a failed request.
 */
export function OrgPage({ user, section }: { user: SessionUser; section: string }) {
  const { org, isPlatformOwner } = useCurrentOrg();
  if (!org) return <OrgNotFoundPage />;
  const item = findNavItem(section);
  const Page = item && PAGES[item.path];
  if (!item || !Page) return <NotFoundPage />;
  if (item.permission && !can(org.role, item.permission, isPlatformOwner)) {
    return (
      <section className="page">
        <PageHeader title={item.label} summary={item.summary} />
        <NoAccess what={item.label} role={org.role} />
      </section>
    );
  }
  return (
    <Suspense fallback={<Loading label={item.label} />}>
      <Page key={item.path} item={item} user={user} />
    </Suspense>
  );
}
