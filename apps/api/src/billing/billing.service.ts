import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BillingSettings } from '@ai-router/contracts';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { firstRow } from '../database/returned-rows';
import { Org } from '../orgs/org.entity';
import type { LedgerEntryType } from './ledger-entry.entity';
import { parseDollars } from './money';

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
   * Charges `cost` and frees the request's hold, in one statement. The charge is keyed by
   * (request id, 'charge') and the hold by its state change, so a second delivery changes nothing,
   * and a settlement arriving after the sweeper released a stale hold still charges exactly once.
   */
  async settle(orgId: string, requestId: string, cost: bigint): Promise<boolean> {
    const rows = await this.db.query(
      `WITH hold AS (
         UPDATE holds SET state = 'settled' WHERE request_id = $1 AND state = 'held' RETURNING amount_nano),
       charge AS (
         INSERT INTO ledger_entries (org_id, request_id, entry_type, amount_nano)
         SELECT $3::uuid, $1, 'charge', -$2::bigint WHERE $2::bigint > 0
         ON CONFLICT (request_id, entry_type) DO NOTHING RETURNING amount_nano),
       account AS (
         UPDATE orgs SET balance_nano = balance_nano + coalesce((SELECT amount_nano FROM charge), 0),
                         held_nano = held_nano - coalesce((SELECT amount_nano FROM hold), 0)
          WHERE id = $3::uuid AND (EXISTS (SELECT 1 FROM hold) OR EXISTS (SELECT 1 FROM charge)) RETURNING 1)
       SELECT (SELECT count(*) FROM hold) AS released, (SELECT count(*) FROM charge) AS charged, (SELECT count(*) FROM account) AS updated`,
      [requestId, cost.toString(), orgId],
    );
    const row = firstRow(rows) as { released: string; charged: string } | null;
    return Number(row?.released ?? 0) + Number(row?.charged ?? 0) > 0;
  }

  /**
   * Releases holds older than `olderThanMs` that were never settled (their process died before the
   * usage job was queued). A late settlement still charges, by the rule above.
   */
  async releaseStaleHolds(olderThanMs: number): Promise<number> {
    const rows = await this.db.query(
      `WITH stale AS (
         UPDATE holds SET state = 'released' WHERE state = 'held' AND created_at < now() - ($1::bigint * interval '1 millisecond')
         RETURNING org_id, amount_nano),
       per_org AS (SELECT org_id, sum(amount_nano) AS amount FROM stale GROUP BY org_id),
       account AS (UPDATE orgs SET held_nano = held_nano - per_org.amount FROM per_org WHERE orgs.id = per_org.org_id RETURNING 1)
       SELECT (SELECT count(*) FROM stale) AS released, (SELECT count(*) FROM account) AS orgs`,
      [olderThanMs],
    );
    return Number((firstRow(rows) as { released: string } | null)?.released ?? 0);
  }

  /**
   * Credits (top-ups, refunds, codes, coupons) and adjustments, in one statement with their ledger row.
   * With a `reference` the credit happens once per (reference, type): the ledger's unique key turns a
   * replay into nothing, and the answer says whether this call credited. A credit that lifts the
   * balance to the low-balance threshold or above re-arms the low-balance notice.
   */
  async credit(orgId: string, entryType: Exclude<LedgerEntryType, 'charge'>, amount: bigint, options: CreditOptions = {}): Promise<boolean> {
    const rows = await (options.manager ?? this.db.manager).query(
      `WITH entry AS (
         INSERT INTO ledger_entries (org_id, entry_type, amount_nano, note, actor_id, request_id) VALUES ($1, $2, $3::bigint, $4, $5, $6)
         ON CONFLICT (request_id, entry_type) DO NOTHING RETURNING org_id, amount_nano)
       UPDATE orgs SET balance_nano = balance_nano + entry.amount_nano,
                       low_balance_notified = low_balance_notified AND balance_nano + entry.amount_nano < coalesce(low_balance_threshold_nano, 0)
         FROM entry WHERE orgs.id = entry.org_id RETURNING orgs.id`,
      [orgId, entryType, amount.toString(), options.note ?? null, options.actorId ?? null, options.reference ?? null],
    );
    return firstRow(rows) !== null;
  }

  async setSettings(orgId: string, settings: BillingSettings): Promise<void> {
    const threshold = settings.lowBalanceThreshold;
    await this.db.getRepository(Org).update({ id: orgId }, {
      ...(settings.enabled !== undefined && { billingEnabled: settings.enabled }),
      ...(settings.priceMultiplierBp !== undefined && { priceMultiplierBp: settings.priceMultiplierBp }),
      ...(settings.planDiscountBp !== undefined && { planDiscountBp: settings.planDiscountBp }),
      // A new threshold starts armed: the next charge below it notifies.
      ...(threshold !== undefined && { lowBalanceThresholdNano: threshold === null ? null : parseDollars(threshold).toString(), lowBalanceNotified: false }),
      ...(settings.autoRecharge && { autoRechargeEnabled: settings.autoRecharge.enabled, autoRechargeAmountNano: parseDollars(settings.autoRecharge.amount).toString() }),
    });
    // Keys cache their org's billing settings; this drops them everywhere.
    await this.events.publish({ type: 'routing.changed', orgId });
  }
}

export interface CreditOptions {
  actorId?: string | null;
  note?: string | null;
  /** Makes the credit idempotent; callers namespace it per org (the ledger key is global). */
  reference?: string | null;
  /** To credit inside the caller's transaction. */
  manager?: EntityManager;
}
