import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { Org } from '../orgs/org.entity';
import type { LedgerEntryType } from './ledger-entry.entity';

/**
 * Balances, holds and the ledger. Every balance change happens in the same SQL statement as its ledger
 * row, so the balance always equals the ledger's sum. A hold moves from `held` to `settled` exactly
 * once (a conditional UPDATE), which makes settlement safe to deliver twice.
 */
@Injectable()
export class BillingService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  /**
   * Reserves `amount` for a request, or refuses when balance minus holds cannot cover it. One statement
   * decides and records the hold, so it is atomic on PostgreSQL and on embedded PGlite (where all
   * requests share one connection) alike, and concurrent requests on any instance never overdraw.
   */
  async placeHold(orgId: string, requestId: string, amount: bigint): Promise<void> {
    const rows = await this.db.query(
      `WITH reserved AS (
         UPDATE orgs SET held_nano = held_nano + $2 WHERE id = $1 AND balance_nano - held_nano >= $2 RETURNING id)
       INSERT INTO holds (request_id, org_id, amount_nano, state) SELECT $3, id, $2, 'held' FROM reserved RETURNING request_id`,
      [orgId, amount.toString(), requestId],
    );
    if (!firstRow(rows)) {
      throw new AppException(AppErrorCode.InsufficientQuota, 'You exceeded your current quota: the balance cannot cover this request. Top up to continue.');
    }
  }

  /**
   * Charges `cost` and frees the hold in one statement keyed by the hold's state change, so a second
   * delivery finds the hold settled and changes nothing; returns whether this call settled it.
   */
  async settle(requestId: string, cost: bigint): Promise<boolean> {
    const rows = await this.db.query(
      `WITH hold AS (
         UPDATE holds SET state = 'settled' WHERE request_id = $1 AND state = 'held' RETURNING org_id, amount_nano),
       charge AS (
         INSERT INTO ledger_entries (org_id, request_id, entry_type, amount_nano) SELECT org_id, $1, 'charge', -$2::bigint FROM hold WHERE $2::bigint > 0 RETURNING 1),
       account AS (
         UPDATE orgs SET balance_nano = balance_nano - $2::bigint, held_nano = held_nano - hold.amount_nano FROM hold WHERE orgs.id = hold.org_id RETURNING 1)
       SELECT (SELECT count(*) FROM hold) AS settled, (SELECT count(*) FROM charge) AS charged, (SELECT count(*) FROM account) AS updated`,
      [requestId, cost.toString()],
    );
    return Number((firstRow(rows) as { settled: string } | null)?.settled ?? 0) > 0;
  }

  /** A failed request costs nothing: its hold is released, once. */
  async release(requestId: string): Promise<void> {
    await this.settle(requestId, 0n);
  }

  /** Credits (top-ups, refunds, coupons) and adjustments, in one statement with their ledger row. */
  async credit(orgId: string, entryType: Exclude<LedgerEntryType, 'charge'>, amount: bigint, actorId: string | null, note: string | null): Promise<void> {
    await this.db.query(
      `WITH entry AS (
         INSERT INTO ledger_entries (org_id, entry_type, amount_nano, note, actor_id) VALUES ($1, $2, $3::bigint, $4, $5) RETURNING org_id, amount_nano)
       UPDATE orgs SET balance_nano = balance_nano + entry.amount_nano FROM entry WHERE orgs.id = entry.org_id`,
      [orgId, entryType, amount.toString(), note, actorId],
    );
  }

  async setSettings(orgId: string, settings: { enabled?: boolean; priceMultiplierBp?: number }): Promise<void> {
    await this.db.getRepository(Org).update({ id: orgId }, {
      ...(settings.enabled !== undefined && { billingEnabled: settings.enabled }),
      ...(settings.priceMultiplierBp !== undefined && { priceMultiplierBp: settings.priceMultiplierBp }),
    });
    // Keys cache their org's billing settings; this drops them everywhere.
    await this.events.publish({ type: 'routing.changed', orgId });
  }

}

/** pg answers UPDATE ... RETURNING with [rows, count] through TypeORM; PGlite with rows. */
function firstRow(result: unknown): unknown {
  if (!Array.isArray(result)) return null;
  if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0][0] ?? null;
  return result[0] ?? null;
}
