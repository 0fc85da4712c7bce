export interface NavItem {
  path: string;
  label: string;
  /** One line on what the page is for; shown as the page's subtitle. */
  summary: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'Dashboard', summary: 'Traffic, spend and provider health at a glance.' },
  { path: '/keys', label: 'API keys', summary: 'Create, scope and revoke the keys your applications use to call the gateway.' },
  { path: '/providers', label: 'Providers', summary: 'Connect upstream LLM providers and manage their pool of credentials.' },
  { path: '/models', label: 'Models', summary: 'Publish model names and map them to provider deployments.' },
  { path: '/routing', label: 'Routing', summary: 'Choose routing strategies, fallback chains and retry behaviour.' },
  { path: '/usage', label: 'Usage', summary: 'Requests, tokens and cost by key, model and member.' },
  { path: '/billing', label: 'Billing', summary: 'Balance, top-ups, invoices and budgets.' },
  { path: '/alerts', label: 'Alerts', summary: 'Rules and notification channels for errors, latency and spend.' },
  { path: '/members', label: 'Members', summary: 'Invite teammates and choose what each of them can do.' },
];

/** The nav item owning a path: exact match, or a sub-path of it (`/keys/abc` belongs to API keys). */
export function findNavItem(pathname: string): NavItem | undefined {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return NAV_ITEMS.find((item) => path === item.path || (item.path !== '/' && path.startsWith(`${item.path}/`)));
}
