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

const BILLING_RETRY_AFTER_SECONDS = 5;

/** One finished request to settle: its hold is freed and `cost` (nano-dollars, may be 0) charged. */
export interface Settlement {
  orgId: string;
  requestId: string;
  cost: bigint;
}

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
   * Without the database the balance cannot be checked: the request is refused with 503 and
   * Retry-After (fail closed), while unbilled orgs keep being served.
   */
  async placeHold(orgId: string, requestId: string, amount: bigint): Promise<void> {
    const rows = await this.db.query(
      `WITH reserved AS (
         UPDATE orgs SET held_nano = held_nano + $2 WHERE id = $1 AND balance_nano - held_nano >= $2 RETURNING id)
       INSERT INTO holds (request_id, org_id, amount_nano, state) SELECT $3, id, $2, 'held' FROM reserved RETURNING request_id`,
      [orgId, amount.toString(), requestId],
    ).catch(() => {
      // The database is unreachable (its readiness check says so); the client only needs to retry.
      throw new AppException(AppErrorCode.Overloaded, 'Billing is unavailable right now, so the request cannot be admitted. Retry shortly.', {
        retryAfterSeconds: BILLING_RETRY_AFTER_SECONDS,
      });
    });
    if (!firstRow(rows)) {
      throw new AppException(AppErrorCode.InsufficientQuota, 'You exceeded your current quota: the balance cannot cover this request. Top up to continue.');
    }
  }

  /**
   * Charges `cost` and frees the request's hold; `settleBatch` for one request. Returns whether it
   * changed anything (false when the request was settled already).
   */
  async settle(orgId: string, requestId: string, cost: bigint): Promise<boolean> {
    const { released, charged } = await this.settleBatch([{ orgId, requestId, cost }]);
    return released + charged > 0;
  }

  /**
   * Charges each request's cost and frees its hold, set-based in one statement (inside the caller's
   * transaction when `manager` is given). Charges are keyed by (request id, 'charge') and holds by their
   * state change, so settling a batch again changes nothing, and a settlement arriving after the
   * sweeper released a stale hold still charges exactly once. Orgs deleted meanwhile are skipped.
   */
  async settleBatch(settlements: Settlement[], manager: EntityManager = this.db.manager): Promise<{ released: number; charged: number }> {
    if (!settlements.length) return { released: 0, charged: 0 };
    const batch = settlements.map((s) => ({ request_id: s.requestId, org_id: s.orgId, cost: s.cost.toString() }));
    const rows = await manager.query(
      `WITH batch AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(request_id text, org_id uuid, cost bigint)),
       hold AS (
         UPDATE holds h SET state = 'settled' FROM batch b WHERE h.request_id = b.request_id AND h.state = 'held' RETURNING h.org_id, h.amount_nano),
       charge AS (
         INSERT INTO ledger_entries (org_id, request_id, entry_type, amount_nano)
         SELECT b.org_id, b.request_id, 'charge', -b.cost FROM batch b JOIN orgs o ON o.id = b.org_id WHERE b.cost > 0
         ON CONFLICT (request_id, entry_type) DO NOTHING RETURNING org_id, amount_nano),
       delta AS (
         SELECT org_id, sum(balance) AS balance, sum(held) AS held FROM (
           SELECT org_id, amount_nano AS balance, 0 AS held FROM charge UNION ALL SELECT org_id, 0, amount_nano FROM hold) moves
         GROUP BY org_id),
       account AS (
         UPDATE orgs SET balance_nano = balance_nano + delta.balance, held_nano = held_nano - delta.held FROM delta WHERE orgs.id = delta.org_id RETURNING 1)
       SELECT (SELECT count(*) FROM hold) AS released, (SELECT count(*) FROM charge) AS charged, (SELECT count(*) FROM account) AS updated`,
      [JSON.stringify(batch)],
    );
    const row = firstRow(rows) as { released: string; charged: string } | null;
    return { released: Number(row?.released ?? 0), charged: Number(row?.charged ?? 0) };
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
