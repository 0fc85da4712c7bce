import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { BillingSettings } from '@ai-router/contracts';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { firstRow } from '../database/returned-rows';
import { Org } from '../orgs/org.entity';
import type { LedgerEntryType } from './ledger-entry.entity';
import { parseDollars } from './money';

/** One finished request to settle: `cost` (nano-dollars, may be 0) is charged and its hold freed. */
export interface Settlement {
  orgId: string;
  requestId: string;
  cost: bigint;
  /** The balance lease its hold came from (balance-leases.service.ts); null for a per-request hold row. */
  leaseId: string | null;
}

/**
 * Balances, settlement and the ledger. Every balance change happens in the same SQL statement as its
 * ledger row, so the balance always equals the ledger's sum. A charge is keyed by its request id, and
 * what it frees of its hold follows from the charge actually inserted, so settlement is safe to deliver twice.
 */
@Injectable()
export class BillingService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  /**
   * Charges each request's cost and frees its hold, set-based in one statement (inside the caller's
   * transaction when `manager` is given). Charges are keyed by (request id, 'charge'); a leased hold
   * frees exactly what its inserted charge took (the rest went back to the lease when the request
   * ended), so settling a batch again changes nothing. A lease the sweeper freed meanwhile was freed
   * whole: the late charge still charges, once, and frees nothing. Per-request hold rows (`holds`, from
   * before leases) are freed by their state change. Orgs deleted meanwhile are skipped.
   */
  async settleBatch(settlements: Settlement[], manager: EntityManager = this.db.manager): Promise<{ released: number; charged: number }> {
    if (!settlements.length) return { released: 0, charged: 0 };
    const batch = settlements.map((s) => ({ request_id: s.requestId, org_id: s.orgId, cost: s.cost.toString(), lease_id: s.leaseId }));
    const rows = await manager.query(
      `WITH batch AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS b(request_id text, org_id uuid, cost bigint, lease_id uuid)),
       hold AS (
         UPDATE holds h SET state = 'settled' FROM batch b WHERE h.request_id = b.request_id AND h.state = 'held' RETURNING h.org_id, h.amount_nano),
       charge AS (
         INSERT INTO ledger_entries (org_id, request_id, entry_type, amount_nano)
         SELECT b.org_id, b.request_id, 'charge', -b.cost FROM batch b JOIN orgs o ON o.id = b.org_id WHERE b.cost > 0
         ON CONFLICT (request_id, entry_type) DO NOTHING RETURNING org_id, request_id, amount_nano),
       lease_use AS (
         SELECT b.lease_id, sum(-c.amount_nano) AS amount FROM charge c JOIN batch b ON b.request_id = c.request_id
          WHERE b.lease_id IS NOT NULL GROUP BY b.lease_id),
       leased AS (
         UPDATE balance_leases l SET amount_nano = l.amount_nano - u.amount FROM lease_use u WHERE l.id = u.lease_id RETURNING l.org_id, u.amount),
       delta AS (
         SELECT org_id, sum(balance) AS balance, sum(held) AS held FROM (
           SELECT org_id, amount_nano AS balance, 0 AS held FROM charge UNION ALL SELECT org_id, 0, amount_nano FROM hold
           UNION ALL SELECT org_id, 0, amount FROM leased) moves
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
   * Releases per-request holds (from before balance leases) older than `olderThanMs` that were never
   * settled. A late settlement still charges, by the rule above.
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
