import type { Permission } from '../auth/permissions';

export interface NavItem {
  /** The page's path inside an org: `/` for the dashboard, `/keys` for API keys. */
  path: string;
  label: string;
  /** One line on what the page is for; shown as the page's subtitle. */
  summary: string;
  /** What the role needs to see the page; the sidebar hides the page without it. */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Dashboard', summary: 'Your organisation at a glance.' },
  { path: '/keys', label: 'API keys', summary: 'Create, scope and revoke the keys your applications use to call the gateway.', permission: 'apiKeys:read' },
  { path: '/providers', label: 'Providers', summary: 'Connect upstream LLM providers and manage their pool of credentials.', permission: 'providers:read' },
  { path: '/models', label: 'Models', summary: 'Publish model names and map them to provider deployments.', permission: 'models:read' },
  { path: '/routing', label: 'Routing', summary: 'Choose the default routing strategy and see where a request would go.', permission: 'org:read' },
  { path: '/playground', label: 'Playground', summary: 'Chat with any model of this organisation, streamed through the gateway.', permission: 'models:read' },
  { path: '/usage', label: 'Usage', summary: 'Requests, tokens and cost by day, model, key and member.', permission: 'usage:read' },
  { path: '/requests', label: 'Request logs', summary: 'Every gateway request: who sent it, where it was routed, what it cost.', permission: 'requests:read' },
  { path: '/billing', label: 'Billing', summary: 'Balance, holds, the ledger and monthly invoices.', permission: 'billing:read' },
  { path: '/quotas', label: 'Quotas & budgets', summary: 'Request, token and spend limits per period for the org, an API key or a member, and rate limits.', permission: 'quotas:read' },
  { path: '/sla', label: 'SLA', summary: 'Availability, success rate, latency and error budget per provider, deployment and model.', permission: 'monitoring:read' },
  { path: '/cost', label: 'Cost', summary: 'Spend per day and model, the forecast to month end, and unusual spikes.', permission: 'monitoring:read' },
  { path: '/members', label: 'Members', summary: 'Invite teammates and choose what each of them can do.', permission: 'members:read' },
  { path: '/notifications', label: 'Notifications', summary: 'Where alerts, low balances and invoices are sent, and what was delivered.', permission: 'org:read' },
  { path: '/audit', label: 'Audit log', summary: 'Who changed what, and when.', permission: 'audit:read' },
  { path: '/alerts', label: 'Alerts', summary: 'Rules for errors, latency and spend, sent to your notification channels.', permission: 'org:read' },
];

/** The nav item owning a path: exact match, or a sub-path of it (`/keys/abc` belongs to API keys). */
export function findNavItem(pathname: string): NavItem | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return NAV_ITEMS.find((item) => path === item.path || (item.path !== '/' && path.startsWith(`${item.path}/`)));
}
