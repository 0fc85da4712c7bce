import type { QuotaView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { QueryState } from '../../components/query-state';
import { UsageBar } from '../../components/usage-bar';
import { formatDollars, ratio } from '../../lib/dollars';
import { formatDateTime } from '../../lib/format';
import { Link } from '../../router/link';
import { orgPath } from '../../router/routes';
import { useBilling } from '../billing/use-billing';
import { PERIOD_NAMES, SCOPE_NAMES } from '../quotas/quota-format';
import { useQuotas } from '../quotas/use-quotas';

interface BalanceBudgetsProps {
  orgId: string;
  showBalance: boolean;
  showBudgets: boolean;
  /** Who a key or member budget applies to. */
  subjectName(quota: QuotaView): string;
}

/** The prepaid balance and the spend budgets (cost quotas) with how much of each window is used. */
export function BalanceBudgets({ orgId, showBalance, showBudgets, subjectName }: BalanceBudgetsProps) {
  return (
    <div className="card" data-testid="balance-budgets">
      <div className="card-header">
        <h2>Balance and budgets</h2>
        <Link href={orgPath(orgId, showBalance ? '/billing' : '/quotas')}>{showBalance ? 'View billing' : 'View budgets'}</Link>
      </div>
      {showBalance && <Balance orgId={orgId} />}
      {showBudgets && <Budgets orgId={orgId} subjectName={subjectName} />}
    </div>
  );
}

function Balance({ orgId }: { orgId: string }) {
  const billing = useBilling(orgId);
  return (
    <QueryState query={billing} label="the balance">
      {(b) =>
        b.enabled ? (
          <dl className="card-body balance-figures">
            <div>
              <dt>Balance</dt>
              <dd data-testid="dashboard-balance">{formatDollars(b.balance)}</dd>
            </div>
            <div>
              <dt>Available</dt>
              <dd>{formatDollars(b.available)}</dd>
            </div>
          </dl>
        ) : (
          <p className="card-body muted">Prepaid billing is off: requests are not charged against a balance.</p>
        )
      }
    </QueryState>
  );
}

function Budgets({ orgId, subjectName }: { orgId: string; subjectName(quota: QuotaView): string }) {
  const quotas = useQuotas(orgId);
  return (
    <QueryState
      query={quotas}
      label="budgets"
      isEmpty={(list) => !list.some((q) => q.metric === 'cost')}
      empty={<p className="card-body muted">No spend budgets. Set one on the Quotas &amp; budgets page.</p>}
    >
      {(list) => (
        <ul className="budget-list">
          {list
            .filter((q) => q.metric === 'cost')
            .map((quota) => {
              const share = ratio(quota.current.used, quota.limit);
              return (
                <li key={quota.id} data-budget={quota.name}>
                  <div className="budget-head">
                    <span className="cell-strong">{quota.name}</span>
                    <Badge tone={quota.hard ? 'danger' : 'info'}>{quota.hard ? 'Hard' : 'Soft'}</Badge>
                    <span className="muted">{quota.scope === 'org' ? SCOPE_NAMES.org : subjectName(quota)}</span>
                  </div>
                  <UsageBar label={`Usage of ${quota.name}`} share={share} marks={quota.thresholds} />
                  <div className="cell-sub">
                    {formatDollars(quota.current.used)} of {formatDollars(quota.limit)} {PERIOD_NAMES[quota.period]} · {Math.round(share * 100)}% · resets{' '}
                    <time dateTime={quota.current.resetsAt}>{formatDateTime(quota.current.resetsAt)}</time>
                  </div>
                </li>
              );
            })}
        </ul>
      )}
    </QueryState>
  );
}
