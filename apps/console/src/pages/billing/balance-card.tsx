import type { BillingView } from '@ai-router/contracts';
import { Badge } from '../../components/badge';
import { formatDollars } from '../../lib/dollars';

/** Balance, what in-flight requests hold against it, and what is left for new ones. */
export function BalanceCard({ billing }: { billing: BillingView }) {
  const multiplier = billing.priceMultiplierBp / 10_000;
  return (
    <div className="stat-grid">
      <div className="stat-card">
        <span className="stat-label">Balance</span>
        <span className="stat-value" data-testid="billing-balance">
          {formatDollars(billing.balance)}
        </span>
        <span className="stat-detail">
          {billing.enabled ? <Badge tone="success">Prepaid billing on</Badge> : <Badge>Billing off: requests are not charged</Badge>}
        </span>
      </div>
      <div className="stat-card">
        <span className="stat-label">Held</span>
        <span className="stat-value">{formatDollars(billing.held)}</span>
        <span className="stat-detail">Reserved for requests in flight; released when they settle.</span>
      </div>
      <div className="stat-card">
        <span className="stat-label">Available</span>
        <span className="stat-value">{formatDollars(billing.available)}</span>
        <span className="stat-detail">
          Prices ×{multiplier.toLocaleString(undefined, { maximumFractionDigits: 4 })} of the price book
          {billing.planDiscountBp > 0 && `, ${billing.planDiscountBp / 100}% plan discount`}.
          {billing.lowBalanceThreshold !== null && ` Low-balance notice below ${formatDollars(billing.lowBalanceThreshold)}.`}
        </span>
      </div>
    </div>
  );
}
