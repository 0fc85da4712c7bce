import { useOpenDialog } from '../../components/list-page';
import { QueryState } from '../../components/query-state';
import type { PageProps } from '../../layout/page-props';
import { useOrg } from '../../orgs/current-org';
import { PageHeader } from '../page-header';
import { BalanceCard } from './balance-card';
import { BillingSettingsForm } from './billing-settings-form';
import { InvoicesCard } from './invoices-card';
import { LedgerCard } from './ledger-card';
import { PromoCodesCard } from './promo-codes-card';
import { RedeemCard } from './redeem-card';
import { TopUpForm } from './top-up-form';
import { useBilling, useBillingMutations } from './use-billing';
import '../dashboard/dashboard.css';

export function BillingPage({ item }: PageProps) {
  const { orgId, can } = useOrg();
  const billing = useBilling(orgId);
  const { topUp, settings, redeem } = useBillingMutations(orgId);
  const [open, setOpen, close] = useOpenDialog<'top-up' | 'settings'>([topUp, settings]);
  // Money in and prices are the platform owner's; org roles read.
  const canManage = can('billing:manage');
  const actions = canManage && billing.data && (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen('settings')}>
        Billing settings
      </button>
      <button type="button" className="button button-primary" onClick={() => setOpen('top-up')}>
        Top up
      </button>
    </>
  );
  return (
    <section className="page">
      <PageHeader title={item.label} summary={item.summary} actions={actions} />
      {!canManage && (
        <p className="alert alert-info">
          The platform operator tops up the balance and sets prices; contact them to add funds{can('billing:write') ? ', or redeem a code they gave you below' : ''}.
        </p>
      )}
      <QueryState query={billing} label="the balance">
        {(view) => <BalanceCard billing={view} />}
      </QueryState>
      {can('billing:write') && <RedeemCard pending={redeem.isPending} error={redeem.error} result={redeem.data} onSubmit={(body, redeemed) => redeem.mutate(body, { onSuccess: redeemed })} />}
      <InvoicesCard orgId={orgId} />
      <LedgerCard orgId={orgId} />
      {canManage && <PromoCodesCard />}
      {open === 'top-up' && <TopUpForm pending={topUp.isPending} error={topUp.error} onClose={close} onSubmit={(body) => topUp.mutate(body, { onSuccess: close })} />}
      {open === 'settings' && billing.data && (
        <BillingSettingsForm billing={billing.data} pending={settings.isPending} error={settings.error} onClose={close} onSubmit={(body) => settings.mutate(body, { onSuccess: close })} />
      )}
    </section>
  );
}
