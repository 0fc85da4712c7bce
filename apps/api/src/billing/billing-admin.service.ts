import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, LessThan } from 'typeorm';
import type { BillingSettings, BillingView, LedgerEntryView, ModelPriceRequest, ModelPriceView, TopUp } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { Model } from '../models/model.entity';
import { Org } from '../orgs/org.entity';
import { BillingService } from './billing.service';
import { LedgerEntry } from './ledger-entry.entity';
import { formatDollars, parseDollars } from './money';
import { PriceBookEntry } from './price-book-entry.entity';

@Injectable()
export class BillingAdminService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly billing: BillingService, private readonly events: ClusterEventsService) {}

  async overview(orgId: string): Promise<BillingView> {
    const org = await this.db.getRepository(Org).findOneByOrFail({ id: orgId });
    const balance = BigInt(org.balanceNano);
    const held = BigInt(org.heldNano);
    return {
      enabled: org.billingEnabled, balance: formatDollars(balance), held: formatDollars(held),
      available: formatDollars(balance - held), priceMultiplierBp: org.priceMultiplierBp, planDiscountBp: org.planDiscountBp,
      lowBalanceThreshold: org.lowBalanceThresholdNano === null ? null : formatDollars(BigInt(org.lowBalanceThresholdNano)),
      autoRecharge: { enabled: org.autoRechargeEnabled, amount: formatDollars(BigInt(org.autoRechargeAmountNano)) },
    };
  }

  async updateSettings(orgId: string, settings: BillingSettings): Promise<BillingView> {
    await this.billing.setSettings(orgId, settings);
    return this.overview(orgId);
  }

  /** With a reference, a repeated top-up (a payment webhook delivered twice) credits once. */
  async topUp(actor: OrgActor, input: TopUp): Promise<BillingView> {
    await this.billing.credit(actor.orgId, 'topup', parseDollars(input.amount), {
      actorId: actor.id, note: input.note ?? null, reference: input.reference ? `topup:${actor.orgId}:${input.reference}` : null,
    });
    return this.overview(actor.orgId);
  }

  async ledger(orgId: string, limit: number, before?: string): Promise<LedgerEntryView[]> {
    const rows = await this.db.getRepository(LedgerEntry).find({
      where: { orgId, ...(before && /^\d+$/.test(before) ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' }, take: Math.min(Math.max(limit, 1), 500),
    });
    return rows.map((r) => ({
      id: String(r.id), type: r.entryType, amount: formatDollars(BigInt(r.amountNano)), requestId: r.requestId, note: r.note,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async prices(orgId: string, modelId: string): Promise<ModelPriceView[]> {
    await this.model(orgId, modelId);
    const rows = await this.db.getRepository(PriceBookEntry).find({ where: { orgId, modelId }, order: { effectiveFrom: 'DESC' } });
    return rows.map(priceView);
  }

  /** Prices are versioned: a change is a new row, so past requests and invoices keep their prices. */
  async addPrice(orgId: string, modelId: string, input: ModelPriceRequest): Promise<ModelPriceView> {
    await this.model(orgId, modelId);
    const nano = (v: string) => parseDollars(v).toString();
    const entry = this.db.getRepository(PriceBookEntry).create({
      id: randomUUID(), orgId, modelId, effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : new Date(),
      inputPerMillionNano: nano(input.inputPerMillion), outputPerMillionNano: nano(input.outputPerMillion),
      cachedInputPerMillionNano: nano(input.cachedInputPerMillion), cacheWritePerMillionNano: nano(input.cacheWritePerMillion),
      perImageNano: nano(input.perImage), perRequestNano: nano(input.perRequest), outputLimitTokens: input.outputLimitTokens,
      createdAt: new Date(),
    });
    await this.db.getRepository(PriceBookEntry).insert(entry);
    await this.events.publish({ type: 'routing.changed', orgId });
    return priceView(entry);
  }

  private async model(orgId: string, modelId: string): Promise<void> {
    if (!isUuid(modelId) || !(await this.db.getRepository(Model).existsBy({ id: modelId, orgId }))) throw AppException.notFound('model');
  }
}

function priceView(p: PriceBookEntry): ModelPriceView {
  const d = (v: string) => formatDollars(BigInt(v));
  return {
    id: p.id, effectiveFrom: p.effectiveFrom.toISOString(), inputPerMillion: d(p.inputPerMillionNano), outputPerMillion: d(p.outputPerMillionNano),
    cachedInputPerMillion: d(p.cachedInputPerMillionNano), cacheWritePerMillion: d(p.cacheWritePerMillionNano), perImage: d(p.perImageNano),
    perRequest: d(p.perRequestNano), outputLimitTokens: p.outputLimitTokens,
  };
}
