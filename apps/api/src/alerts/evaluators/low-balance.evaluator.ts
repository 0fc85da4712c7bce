import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertRuleParams } from '@ai-router/contracts';
import { formatDollars, parseDollars } from '../../billing/money';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alert-evaluator';

/** Fires while a billed org's balance is below the threshold; an org that is not billed has no balance to watch. */
export function judgeBalance(balance: { billingEnabled: boolean; balanceNano: bigint }, params: AlertRuleParams<'low_balance'>): AlertReading {
  const threshold = formatDollars(parseDollars(params.threshold));
  if (!balance.billingEnabled) return { breached: false, value: null, summary: 'billing is off for this org' };
  const value = formatDollars(balance.balanceNano);
  return {
    breached: balance.balanceNano < parseDollars(params.threshold),
    value,
    summary: `balance $${value}; threshold $${threshold}`,
  };
}

@Injectable()
@AlertEvaluatorFor('low_balance')
export class LowBalanceEvaluator implements AlertEvaluator<'low_balance'> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async evaluate({ orgId, params }: AlertTarget<'low_balance'>): Promise<AlertReading> {
    const [org] = (await this.db.query('SELECT billing_enabled, balance_nano::text FROM orgs WHERE id = $1', [orgId])) as { billing_enabled: boolean; balance_nano: string }[];
    return judgeBalance({ billingEnabled: org?.billing_enabled ?? false, balanceNano: BigInt(org?.balance_nano ?? 0) }, params);
  }
}
