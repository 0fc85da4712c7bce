import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { Org } from '../orgs/org.entity';
import { Hold } from './hold.entity';
import { LedgerEntry, type LedgerEntryType } from './ledger-entry.entity';

/**
 * Balances, holds and the ledger. Every balance change happens in the same transaction as its ledger
 * row, so the balance always equals the ledger's sum. A hold moves from `held` to `settled` or
 * `released` exactly once (a conditional UPDATE), which makes settlement safe to deliver twice.
 */
@Injectable()
export class BillingService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  /**
   * Reserves `amount` for a request, or refuses when balance minus holds cannot cover it. One
   * conditional UPDATE decides, so concurrent requests on any number of instances never overdraw.
   */
  async placeHold(orgId: string, requestId: string, amount: bigint): Promise<void> {
    await this.db.transaction(async (tx) => {
      const rows: unknown[] = await tx.query(
        'UPDATE orgs SET held_nano = held_nano + $2 WHERE id = $1 AND balance_nano - held_nano >= $2 RETURNING id',
        [orgId, amount.toString()],
      );
      if (!firstRow(rows)) {
        throw new AppException(AppErrorCode.InsufficientQuota, 'You exceeded your current quota: the balance cannot cover this request. Top up to continue.');
      }
      await tx.insert(Hold, { requestId, orgId, amountNano: amount.toString(), state: 'held' });
    });
  }

  /** Charges `cost` and frees the hold; a second delivery finds the hold settled and changes nothing. */
  async settle(requestId: string, cost: bigint, tx?: EntityManager): Promise<boolean> {
    const run = async (m: EntityManager) => {
      const hold = await this.transition(m, requestId, 'settled');
      if (!hold) return false;
      if (cost > 0n) {
        await m.insert(LedgerEntry, { orgId: hold.orgId, requestId, entryType: 'charge', amountNano: (-cost).toString(), note: null, actorId: null });
      }
      await m.query('UPDATE orgs SET balance_nano = balance_nano - $2, held_nano = held_nano - $3 WHERE id = $1', [hold.orgId, cost.toString(), hold.amountNano]);
      return true;
    };
    return tx ? run(tx) : this.db.transaction(run);
  }

  /** A failed request costs nothing: its hold is released, once. */
  async release(requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const hold = await this.transition(m, requestId, 'released');
      if (hold) await m.query('UPDATE orgs SET held_nano = held_nano - $2 WHERE id = $1', [hold.orgId, hold.amountNano]);
    });
  }

  /** Credits (top-ups, refunds, coupons) and adjustments, always with their ledger row. */
  async credit(orgId: string, entryType: Exclude<LedgerEntryType, 'charge'>, amount: bigint, actorId: string | null, note: string | null): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.insert(LedgerEntry, { orgId, requestId: null, entryType, amountNano: amount.toString(), note, actorId });
      await m.query('UPDATE orgs SET balance_nano = balance_nano + $2 WHERE id = $1', [orgId, amount.toString()]);
    });
  }

  async setSettings(orgId: string, settings: { enabled?: boolean; priceMultiplierBp?: number }): Promise<void> {
    await this.db.getRepository(Org).update({ id: orgId }, {
      ...(settings.enabled !== undefined && { billingEnabled: settings.enabled }),
      ...(settings.priceMultiplierBp !== undefined && { priceMultiplierBp: settings.priceMultiplierBp }),
    });
    // Keys cache their org's billing settings; this drops them everywhere.
    await this.events.publish({ type: 'routing.changed', orgId });
  }

  private async transition(m: EntityManager, requestId: string, to: 'settled' | 'released'): Promise<{ orgId: string; amountNano: string } | null> {
    const rows: unknown = await m.query(
      "UPDATE holds SET state = $2 WHERE request_id = $1 AND state = 'held' RETURNING org_id AS \"orgId\", amount_nano AS \"amountNano\"",
      [requestId, to],
    );
    return firstRow(rows) as { orgId: string; amountNano: string } | null;
  }
}

/** pg answers UPDATE ... RETURNING with [rows, count] through TypeORM; PGlite with rows. */
function firstRow(result: unknown): unknown {
  if (!Array.isArray(result)) return null;
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0][0] ?? null;
  return result[0] ?? null;
}
