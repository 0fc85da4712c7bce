import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { LOGGER } from '../common/logger.module';
import { firstRow } from '../database/returned-rows';

/** A lease is sized to this many seconds of the instance's recent holds for the org... */
const LEASE_SECONDS = 10;
/** ...and at least this many requests of the size asked, so a new or quiet lease is not topped up per request. */
const LEASE_MIN_REQUESTS = 16;
/** A lease never takes more than this share of what the org has free, so other instances keep room. */
const LEASE_FREE_SHARE_DIVISOR = 4n;
/** A lease no request used for this long goes back to the org. */
const LEASE_IDLE_MS = 1_000;
/** Leases in use are renewed this often... */
const LEASE_RENEW_MS = 20_000;
/** ...and one whose renewal has failed for this long is no longer spent here (the sweeper will free it). */
const LEASE_MAX_AGE_MS = 60_000;
/** The sweeper frees leases not renewed for this long: far past LEASE_MAX_AGE_MS, so no living instance still spends one. */
export const LEASE_STALE_MS = 10 * 60_000;
const TICK_MS = 250;
/** How much of the previous rate estimate each tick keeps. */
const RATE_SMOOTHING = 0.5;
/** After a failed refill, the next one waits this long (the database is likely unreachable). */
const REFILL_BACKOFF_MS = 1_000;
const BILLING_RETRY_AFTER_SECONDS = 5;

/** A request's reservation: its worst case, taken from this instance's lease of the org's balance. */
export interface BalanceHold {
  orgId: string;
  /** The lease it came from; null for a hold of nothing (a free model), which needs none. */
  leaseId: string | null;
  amount: bigint;
}

/** The slice of one org's balance this instance reserved in PostgreSQL and spends in memory. */
interface Lease {
  id: string;
  /** Reserved for this instance and not yet spoken for by a request. */
  free: bigint;
  inFlight: number;
  lastUsedAt: number;
  /** When PostgreSQL last confirmed the lease. */
  renewedAt: number;
  /** A give-back or renewal is on its way. */
  busy: boolean;
  /** Held since the last tick, and the smoothed rate of holds (nano-dollars per second) that sizes the lease. */
  heldSinceTick: bigint;
  heldPerSecond: number;
  /** The last request's hold: the unit a refill grants in. */
  unit: bigint;
  refilling: boolean;
  refillAfter: number;
}

/**
 * Holds against an org's balance without a database round trip per request. The instance leases part
 * of the balance (one statement moves it into `orgs.held_nano`, so balance minus holds never goes below
 * zero across instances) and holds each request's worst case against it in memory. A finished request
 * gives back what it will not be charged; its charge stays reserved until settlement takes it off the
 * balance and the lease together. A lease is sized to about LEASE_SECONDS of the instance's demand and
 * refilled in the background when half of that is spent, so requests do not wait for it and billed
 * traffic rides out a short database outage. It never takes more than a quarter of what the org has
 * free (at least exactly what is asked), so near an empty balance holds are exact across instances.
 */
@Injectable()
export class BalanceLeasesService implements OnModuleInit, OnApplicationShutdown {
  private readonly leases = new Map<string, Lease>();
  /** Top-ups run one at a time per org, so concurrent requests share one lease instead of racing for several. */
  private readonly topUps = new Map<string, Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(@InjectDataSource() private readonly db: DataSource, @Inject(LOGGER) private readonly logger: Logger) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), TICK_MS).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all([...this.leases.keys()].map((orgId) => this.giveBack(orgId)));
  }

  /**
   * Reserves `amount` for a request, or refuses with 429 insufficient_quota when the org's balance minus
   * all holds cannot cover it. Without the database a lease cannot grow: a request its lease does not
   * cover is refused with 503 and Retry-After (fail closed).
   */
  async hold(orgId: string, amount: bigint): Promise<BalanceHold> {
    if (amount === 0n) return { orgId, leaseId: null, amount };
    return this.takeLocal(orgId, amount) ?? this.oneTopUpAtATime(orgId, () => this.takeLocal(orgId, amount) ?? this.topUp(orgId, amount));
  }

  /** The request ended: what it is not charged goes back to the lease (`charged` stays reserved until settled). */
  release(hold: BalanceHold, charged: bigint): void {
    const lease = hold.leaseId ? this.leases.get(hold.orgId) : undefined;
    // A lease dropped meanwhile is freed whole by the sweeper.
    if (!lease || lease.id !== hold.leaseId) return;
    lease.inFlight--;
    lease.free += hold.amount - charged;
    lease.lastUsedAt = Date.now();
  }

  /** Frees leases whose instance stopped renewing them; a charge settling later still charges, once. */
  async releaseStaleLeases(olderThanMs: number = LEASE_STALE_MS): Promise<number> {
    const rows = await this.db.query(
      `WITH stale AS (
         DELETE FROM balance_leases WHERE renewed_at < now() - ($1::bigint * interval '1 millisecond') RETURNING org_id, amount_nano),
       per_org AS (SELECT org_id, sum(amount_nano) AS amount FROM stale GROUP BY org_id),
       account AS (UPDATE orgs SET held_nano = held_nano - per_org.amount FROM per_org WHERE orgs.id = per_org.org_id RETURNING 1)
       SELECT (SELECT count(*) FROM stale) AS released, (SELECT count(*) FROM account) AS orgs`,
      [olderThanMs],
    );
    return Number(firstRow<{ released: string }>(rows)?.released ?? 0);
  }

  private takeLocal(orgId: string, amount: bigint): BalanceHold | null {
    const lease = this.leases.get(orgId);
    if (!lease || lease.free < amount || Date.now() - lease.renewedAt > LEASE_MAX_AGE_MS) return null;
    lease.free -= amount;
    countHold(lease, amount, Date.now());
    if (lease.free * 2n < target(lease) && !lease.refilling && Date.now() >= lease.refillAfter) void this.refill(orgId, lease);
    return { orgId, leaseId: lease.id, amount };
  }

  /** Tops the lease up to its target ahead of need, off the request path. */
  private async refill(orgId: string, lease: Lease): Promise<void> {
    lease.refilling = true;
    try {
      await this.oneTopUpAtATime(orgId, async () => {
        if (this.leases.get(orgId) !== lease || lease.free * 2n >= target(lease)) return;
        const granted = await this.grant(orgId, lease.id, 0n, lease.unit, unitsFor(lease, lease.unit));
        lease.free += granted;
        lease.renewedAt = Date.now();
        // Too little free for a share of it: requests top up as they need instead.
        if (granted === 0n) lease.refillAfter = Date.now() + REFILL_BACKOFF_MS;
      });
    } catch (err) {
      lease.refillAfter = Date.now() + REFILL_BACKOFF_MS;
      // An empty balance is the request path's to report; only an unreachable database is worth a line.
      if (!(err instanceof AppException && err.code === AppErrorCode.InsufficientQuota)) this.logger.warn({ err, orgId }, 'balance lease refill failed');
    } finally {
      lease.refilling = false;
    }
  }

  /** Grows the org's lease by what the request lacks (starting one when there is none) and holds the request against it. */
  private async topUp(orgId: string, amount: bigint): Promise<BalanceHold> {
    let lease = this.leases.get(orgId);
    if (lease && Date.now() - lease.renewedAt > LEASE_MAX_AGE_MS) {
      // Unconfirmed too long: the sweeper may free it, so it is not extended; a new lease starts.
      this.leases.delete(orgId);
      lease = undefined;
    }
    const id = lease?.id ?? randomUUID();
    // What the lease has left goes to this request now, so requests taking from it meanwhile cannot spend it twice.
    const have = lease?.free ?? 0n;
    if (lease) lease.free = 0n;
    let extra: bigint;
    try {
      extra = (await this.grant(orgId, id, amount - have, amount, lease ? unitsFor(lease, amount) : LEASE_MIN_REQUESTS)) - (amount - have);
    } catch (err) {
      if (lease) lease.free += have;
      throw err;
    }
    const now = Date.now();
    lease ??= {
      id, free: 0n, inFlight: 0, lastUsedAt: now, renewedAt: now, busy: false, heldSinceTick: 0n, heldPerSecond: 0, unit: amount, refilling: false, refillAfter: 0,
    };
    // A give-back may have forgotten the lease while the grant was on its way; it is in use again.
    this.leases.set(orgId, lease);
    lease.free += extra;
    lease.renewedAt = now;
    countHold(lease, amount, now);
    return { orgId, leaseId: id, amount };
  }

  /**
   * Moves `need` plus up to `units` more requests of size `unit` (whole requests, so equal requests
   * leave no unusable remainder) from the org's free balance into the lease, never more extra than a
   * share of what is free. One statement decides and records it. Returns what was granted.
   */
  private async grant(orgId: string, leaseId: string, need: bigint, unit: bigint, units: number): Promise<bigint> {
    const rows = await this.db.query(
      `WITH org AS (SELECT id, balance_nano - held_nano AS available FROM orgs WHERE id = $1 FOR UPDATE),
       offer AS (
         SELECT id, $3::bigint + (LEAST((available - $3::bigint) / ${LEASE_FREE_SHARE_DIVISOR}, $4::bigint * $5::bigint) / $4::bigint) * $4::bigint AS amount
           FROM org WHERE available >= $3::bigint),
       lease AS (
         INSERT INTO balance_leases (id, org_id, amount_nano) SELECT $2, id, amount FROM offer
         ON CONFLICT (id) DO UPDATE SET amount_nano = balance_leases.amount_nano + excluded.amount_nano, renewed_at = now() RETURNING id),
       reserved AS (
         UPDATE orgs SET held_nano = held_nano + offer.amount FROM offer WHERE orgs.id = offer.id AND EXISTS (SELECT 1 FROM lease) RETURNING offer.amount)
       SELECT amount::text AS granted FROM reserved`,
      [orgId, leaseId, need.toString(), unit.toString(), units],
    ).catch(() => {
      // The database is unreachable (its readiness check says so); the client only needs to retry.
      throw new AppException(AppErrorCode.Overloaded, 'Billing is unavailable right now, so the request cannot be admitted. Retry shortly.', {
        retryAfterSeconds: BILLING_RETRY_AFTER_SECONDS,
      });
    });
    const granted = firstRow<{ granted: string }>(rows)?.granted;
    if (granted === undefined) {
      throw new AppException(AppErrorCode.InsufficientQuota, 'You exceeded your current quota: the balance cannot cover this request. Top up to continue.');
    }
    return BigInt(granted);
  }

  private oneTopUpAtATime<T>(orgId: string, run: () => T | Promise<T>): Promise<T> {
    const previous = this.topUps.get(orgId) ?? Promise.resolve();
    const next = previous.then(run, run);
    const settled = next.catch(() => undefined);
    this.topUps.set(orgId, settled);
    void settled.then(() => {
      if (this.topUps.get(orgId) === settled) this.topUps.delete(orgId);
    });
    return next;
  }

  /** Gives idle leases back and renews the others. */
  private async tick(): Promise<void> {
    const now = Date.now();
    for (const [orgId, lease] of this.leases) {
      lease.heldPerSecond = RATE_SMOOTHING * lease.heldPerSecond + (1 - RATE_SMOOTHING) * (Number(lease.heldSinceTick) * 1000) / TICK_MS;
      lease.heldSinceTick = 0n;
      if (lease.busy) continue;
      if (lease.inFlight === 0 && now - lease.lastUsedAt >= LEASE_IDLE_MS) void this.giveBack(orgId);
      else if (now - lease.renewedAt >= LEASE_RENEW_MS) void this.renew(orgId, lease);
    }
  }

  /** Returns the unused part of an org's lease; the lease is forgotten here once nothing is held against it. */
  private async giveBack(orgId: string): Promise<void> {
    const lease = this.leases.get(orgId);
    if (!lease || lease.busy) return;
    const amount = lease.free;
    lease.free = 0n;
    lease.busy = true;
    try {
      if (amount > 0n) {
        await this.db.query(
          `WITH lease AS (UPDATE balance_leases SET amount_nano = amount_nano - $2, renewed_at = now() WHERE id = $1 RETURNING org_id)
           UPDATE orgs SET held_nano = held_nano - $2 FROM lease WHERE orgs.id = lease.org_id`,
          [lease.id, amount.toString()],
        );
      }
      if (lease.inFlight === 0 && lease.free === 0n && this.leases.get(orgId) === lease) this.leases.delete(orgId);
    } catch (err) {
      lease.free += amount;
      this.logger.warn({ err, orgId }, 'balance lease give-back failed; retrying');
    } finally {
      lease.busy = false;
    }
  }

  private async renew(orgId: string, lease: Lease): Promise<void> {
    lease.busy = true;
    try {
      const rows = await this.db.query('UPDATE balance_leases SET renewed_at = now() WHERE id = $1 RETURNING id', [lease.id]);
      if (firstRow(rows)) lease.renewedAt = Date.now();
      else if (this.leases.get(orgId) === lease) this.leases.delete(orgId); // swept: its reservation is gone
    } catch (err) {
      this.logger.warn({ err, orgId }, 'balance lease renewal failed');
    } finally {
      lease.busy = false;
    }
  }
}

/** What a lease aims to have free: LEASE_SECONDS of the instance's recent holds for the org. */
function target(lease: Lease): bigint {
  return BigInt(Math.ceil(lease.heldPerSecond * LEASE_SECONDS));
}

/** Requests of size `unit` a grant may add beyond what is needed: the target's worth, at least LEASE_MIN_REQUESTS. */
function unitsFor(lease: Lease, unit: bigint): number {
  return Math.max(LEASE_MIN_REQUESTS, Number(target(lease) / unit));
}

/** A request now holds `amount` of the lease (already taken from its free part): in flight, and counted toward its size. */
function countHold(lease: Lease, amount: bigint, now: number): void {
  lease.inFlight++;
  lease.lastUsedAt = now;
  lease.heldSinceTick += amount;
  lease.unit = amount;
}
