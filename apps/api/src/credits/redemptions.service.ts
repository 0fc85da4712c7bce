import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { RedeemCode, RedemptionView } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { BillingService } from '../billing/billing.service';
import { formatDollars } from '../billing/money';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { firstRow } from '../database/returned-rows';
import { hashApiKey } from '../keys/api-key-secret';
import { Org } from '../orgs/org.entity';
import { PromoCode } from './promo-code.entity';
import { PromoRedemption } from './promo-redemption.entity';

/** Rolls the redemption back; the code was refused after the pre-checks (a concurrent redemption won). */
class Refused extends Error {}

/**
 * An org redeems a code or coupon, once per org and code. In one transaction: the redemption row (its
 * unique (code, org) key stops a second one), the count taken by a conditional UPDATE that re-checks
 * the limit, validity and disabling on the locked row (so concurrent redemptions never pass the
 * maximum), and the credit with its ledger row.
 */
@Injectable()
export class RedemptionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly billing: BillingService,
    private readonly events: ClusterEventsService,
  ) {}

  async redeem(actor: OrgActor, input: RedeemCode): Promise<RedemptionView> {
    const code = await this.db.getRepository(PromoCode).findOneBy({ codeHash: hashApiKey(input.code) });
    if (!code) throw AppException.notFound('code');
    if (await this.db.getRepository(PromoRedemption).existsBy({ codeId: code.id, orgId: actor.orgId })) throw alreadyRedeemed();
    assertRedeemable(code, new Date());
    try {
      await this.db.transaction(async (tx) => {
        const inserted = firstRow(await tx.query(
          `INSERT INTO promo_redemptions (id, code_id, org_id, actor_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (code_id, org_id) DO NOTHING RETURNING id`,
          [randomUUID(), code.id, actor.orgId, actor.id],
        ));
        if (!inserted) throw new Refused('already');
        const counted = firstRow(await tx.query(
          `UPDATE promo_codes SET redemption_count = redemption_count + 1
           WHERE id = $1 AND redemption_count < max_redemptions AND disabled_at IS NULL AND valid_from <= now()
             AND (valid_until IS NULL OR valid_until > now()) RETURNING id`,
          [code.id],
        ));
        if (!counted) throw new Refused('taken');
        const amount = BigInt(code.amountNano);
        if (amount > 0n) {
          await this.billing.credit(actor.orgId, code.kind === 'redemption' ? 'redemption' : 'coupon_credit', amount, {
            actorId: actor.id, note: `${code.kind === 'redemption' ? 'redemption code' : 'coupon'} ${code.codeHint}`,
            reference: `code:${code.id}:${actor.orgId}`, manager: tx,
          });
        }
      });
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      if (err.message === 'already') throw alreadyRedeemed();
      assertRedeemable(await this.db.getRepository(PromoCode).findOneByOrFail({ id: code.id }), new Date());
      throw exhausted();
    }
    // Keys cache the org's discounts: a percent coupon applies from the next request.
    if (code.percentBp !== null) await this.events.publish({ type: 'routing.changed', orgId: actor.orgId });
    const org = await this.db.getRepository(Org).findOneByOrFail({ id: actor.orgId });
    const amount = BigInt(code.amountNano);
    return {
      kind: code.kind, credited: amount > 0n ? formatDollars(amount) : null, percentBp: code.percentBp,
      validUntil: code.validUntil?.toISOString() ?? null, balance: formatDollars(BigInt(org.balanceNano)),
    };
  }
}

/** The clear refusals, in the order a person would want to hear them. */
function assertRedeemable(code: PromoCode, now: Date): void {
  if (code.disabledAt) throw new AppException(AppErrorCode.Conflict, 'This code has been disabled.');
  if (code.validUntil && code.validUntil <= now) throw new AppException(AppErrorCode.Conflict, `This code expired at ${code.validUntil.toISOString()}.`);
  if (code.validFrom > now) throw new AppException(AppErrorCode.Conflict, `This code is not valid before ${code.validFrom.toISOString()}.`);
  if (code.redemptionCount >= code.maxRedemptions) throw exhausted();
}

function exhausted(): AppException {
  return new AppException(AppErrorCode.Conflict, 'This code has been fully redeemed.');
}

function alreadyRedeemed(): AppException {
  return new AppException(AppErrorCode.Conflict, 'Your organisation has already redeemed this code.');
}
