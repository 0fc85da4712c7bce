import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { returnedRows } from '../database/returned-rows';
import { NotificationsService } from '../notifications/notifications.service';
import { formatDollars } from './money';

interface Crossing {
  id: string;
  balance: string;
  threshold: string;
  crossing: number;
  autoRecharge: boolean;
  rechargeAmount: string;
}

/**
 * Watches balances after charges: the first charge that takes an org below its low-balance threshold
 * notifies `balance.low` (and, with auto-recharge on, `balance.recharge_requested`); later charges stay
 * quiet until a credit lifts the balance back (BillingService.credit re-arms). The conditional UPDATE
 * decides the crossing, so concurrent writers on any instance notify it once.
 */
@Injectable()
export class BalanceWatchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly notifications: NotificationsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Called by the usage writer after settling charges, with the orgs charged. */
  async afterCharges(orgIds: readonly string[]): Promise<void> {
    if (!orgIds.length) return;
    const rows = (await this.db.query(
      `UPDATE orgs SET low_balance_notified = true, low_balance_crossings = low_balance_crossings + 1
       WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)::uuid) AND billing_enabled AND NOT low_balance_notified
         AND low_balance_threshold_nano IS NOT NULL AND balance_nano < low_balance_threshold_nano
       RETURNING id, balance_nano::text AS balance, low_balance_threshold_nano::text AS threshold, low_balance_crossings AS crossing,
                 auto_recharge_enabled AS "autoRecharge", auto_recharge_amount_nano::text AS "rechargeAmount"`,
      [JSON.stringify([...new Set(orgIds)])],
    )) as unknown;
    for (const crossing of returnedRows<Crossing>(rows)) {
      // At most once: a failure here is logged, and the next crossing notifies again.
      await this.notifyCrossing(crossing).catch((err: Error) => this.logger.error({ orgId: crossing.id, err: err.message }, 'low-balance notice failed'));
    }
  }

  private async notifyCrossing(c: Crossing): Promise<void> {
    const balance = formatDollars(BigInt(c.balance));
    const threshold = formatDollars(BigInt(c.threshold));
    await this.notifications.notify(c.id, {
      id: `balance.low.${c.id}.${c.crossing}`, type: 'balance.low', title: 'Balance is low',
      body: `The prepaid balance is $${balance}, below the threshold of $${threshold}. Requests are refused once it cannot cover them.`,
      data: { orgId: c.id, balance, threshold },
    });
    if (!c.autoRecharge || BigInt(c.rechargeAmount) <= 0n) return;
    const amount = formatDollars(BigInt(c.rechargeAmount));
    const rechargeRequestId = `rr-${c.id}-${c.crossing}`;
    await this.notifications.notify(c.id, {
      id: `balance.recharge_requested.${c.id}.${c.crossing}`, type: 'balance.recharge_requested', title: 'Recharge requested',
      body: `Auto-recharge asks for $${amount}: the balance of $${balance} fell below $${threshold}.`,
      // The payment system tops up with `reference: rechargeRequestId`, so a repeated webhook credits once.
      data: { orgId: c.id, balance, threshold, amount, rechargeRequestId },
    });
  }
}
