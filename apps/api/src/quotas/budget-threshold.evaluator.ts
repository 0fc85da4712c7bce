import { Injectable } from '@nestjs/common';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alerts/alert-evaluator';
import { formatDollars } from '../billing/money';
import { QuotaCountersService } from './quota-counters.service';
import { QuotaPoliciesService } from './quota-policies.service';

export interface BudgetUse {
  name: string;
  used: bigint;
  limit: bigint;
}

/** Fires while the most used budget is at or above `percent` of its limit in its current window. */
export function judgeBudgets(budgets: BudgetUse[], percent: number): AlertReading {
  if (!budgets.length) return { breached: false, value: null, summary: 'no budget to watch' };
  const share = (b: BudgetUse) => Number((b.used * 10_000n) / b.limit) / 100;
  const top = budgets.reduce((a, b) => (share(b) > share(a) ? b : a));
  return {
    breached: share(top) >= percent,
    value: share(top),
    summary: `budget "${top.name}" at ${share(top)}% ($${formatDollars(top.used)} of $${formatDollars(top.limit)}); threshold ${percent}%`,
  };
}

@Injectable()
@AlertEvaluatorFor('budget_threshold')
export class BudgetThresholdEvaluator implements AlertEvaluator<'budget_threshold'> {
  constructor(private readonly policies: QuotaPoliciesService, private readonly counters: QuotaCountersService) {}

  async evaluate({ orgId, params }: AlertTarget<'budget_threshold'>, now: Date): Promise<AlertReading> {
    const budgets = (await this.policies.forOrg(orgId)).filter((p) => p.metric === 'cost' && (!params.quotaId || p.id === params.quotaId));
    const states = await this.counters.current(budgets, now.getTime());
    return judgeBudgets(budgets.map((b, i) => ({ name: b.name, used: states[i]!.used, limit: BigInt(b.limitValue) })), params.percent);
  }
}
