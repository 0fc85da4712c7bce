import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import type { CreateCoupon, CreatedPromoCodeView, CreateRedemptionCode, PromoCodeKind, PromoCodeView } from '@ai-router/contracts';
import type { AuthUser } from '../auth/auth-user';
import { assertPlatformOwner } from '../auth/platform-owner';
import { parseDollars, formatDollars } from '../billing/money';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { hashApiKey } from '../keys/api-key-secret';
import { generatePromoCode, promoCodeHint } from './promo-code-secret';
import { PromoCode } from './promo-code.entity';
import { PromoRedemption } from './promo-redemption.entity';

const LIST_LIMIT = 500;

/** Redemption codes and coupons as the platform owner creates, lists and disables them. */
@Injectable()
export class PromoCodesService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  createRedemptionCode(user: AuthUser, input: CreateRedemptionCode): Promise<CreatedPromoCodeView> {
    return this.create(user, 'redemption', {
      amountNano: parseDollars(input.amount).toString(), validUntil: input.expiresAt ? new Date(input.expiresAt) : null,
      maxRedemptions: input.maxRedemptions, note: input.note ?? null,
    });
  }

  createCoupon(user: AuthUser, input: CreateCoupon): Promise<CreatedPromoCodeView> {
    return this.create(user, 'coupon', {
      ...(input.type === 'fixed'
        ? { amountNano: parseDollars(input.amount).toString() }
        : { percentBp: input.percentBp, capNano: input.cap ? parseDollars(input.cap).toString() : null }),
      ...(input.validFrom && { validFrom: new Date(input.validFrom) }),
      validUntil: input.validUntil ? new Date(input.validUntil) : null, maxRedemptions: input.maxRedemptions, note: input.note ?? null,
    });
  }

  async list(user: AuthUser, kind: PromoCodeKind): Promise<PromoCodeView[]> {
    assertPlatformOwner(user, 'codes and coupons');
    const rows = await this.db.getRepository(PromoCode).find({ where: { kind }, order: { createdAt: 'DESC' }, take: LIST_LIMIT });
    return rows.map(toPromoCodeView);
  }

  /** Refuses new redemptions; a disabled percent coupon also stops discounting (keys drop their cached terms). */
  async disable(user: AuthUser, kind: PromoCodeKind, id: string): Promise<PromoCodeView> {
    assertPlatformOwner(user, 'codes and coupons');
    const repo = this.db.getRepository(PromoCode);
    if (!isUuid(id)) throw AppException.notFound(kind === 'coupon' ? 'coupon' : 'redemption code');
    await repo.update({ id, kind, disabledAt: IsNull() }, { disabledAt: new Date() });
    const code = await repo.findOneBy({ id, kind });
    if (!code) throw AppException.notFound(kind === 'coupon' ? 'coupon' : 'redemption code');
    if (code.percentBp !== null) {
      const redemptions = await this.db.getRepository(PromoRedemption).find({ where: { codeId: id }, select: { orgId: true } });
      for (const r of redemptions) await this.events.publish({ type: 'routing.changed', orgId: r.orgId });
    }
    return toPromoCodeView(code);
  }

  private async create(user: AuthUser, kind: PromoCodeKind, fields: Partial<PromoCode>): Promise<CreatedPromoCodeView> {
    assertPlatformOwner(user, 'codes and coupons');
    const validFrom = fields.validFrom ?? new Date();
    if (fields.validUntil && fields.validUntil <= validFrom) {
      throw new AppException(AppErrorCode.ValidationFailed, 'the end of validity must come after its start (and after now)', {
        param: kind === 'redemption' ? 'expiresAt' : 'validUntil',
      });
    }
    const code = generatePromoCode(kind);
    const row = this.db.getRepository(PromoCode).create({
      id: randomUUID(), kind, codeHash: hashApiKey(code), codeHint: promoCodeHint(code), amountNano: '0', percentBp: null, capNano: null,
      redemptionCount: 0, disabledAt: null, createdBy: user.id, createdAt: new Date(), ...fields, validFrom,
    });
    await this.db.getRepository(PromoCode).insert(row);
    return { ...toPromoCodeView(row), code };
  }
}

export function toPromoCodeView(c: PromoCode): PromoCodeView {
  return {
    id: c.id, kind: c.kind, hint: c.codeHint, amount: BigInt(c.amountNano) > 0n ? formatDollars(BigInt(c.amountNano)) : null,
    percentBp: c.percentBp, cap: c.capNano === null ? null : formatDollars(BigInt(c.capNano)), maxRedemptions: c.maxRedemptions,
    redemptionCount: c.redemptionCount, validFrom: c.validFrom.toISOString(), validUntil: c.validUntil?.toISOString() ?? null,
    disabled: c.disabledAt !== null, note: c.note, createdAt: c.createdAt.toISOString(),
  };
}
