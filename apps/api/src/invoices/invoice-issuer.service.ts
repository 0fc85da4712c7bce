import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { draftInvoice, type InvoiceDraft } from './invoice-draft';
import { InvoiceIssuedHooks } from './invoice-issued.hooks';
import type { InvoicePeriod } from './invoice-period';
import { InvoiceRepository } from './invoice.repository';
import { Invoice } from './invoice.entity';

export interface CloseResult {
  /** The new or existing invoice; null when the period had no charged usage. */
  invoice: Invoice | null;
  created: boolean;
}

/** Thrown inside the issuing transaction to roll it back, giving the taken number back. */
class AlreadyIssued extends Error {}

/** "INV-2026-000042": year of issue, then the installation-wide counter (grows past 6 digits if needed). */
export function formatInvoiceNumber(issuedAt: Date, sequence: bigint): string {
  return `INV-${issuedAt.getUTCFullYear()}-${sequence.toString().padStart(6, '0')}`;
}

/**
 * Issues one org's invoice for one month, exactly once. The period's usage is summed before the
 * transaction (a closed month no longer changes, and the counter lock stays short); inside it, the
 * number is taken and the invoice inserted with ON CONFLICT DO NOTHING. A concurrent duplicate
 * finds the row and rolls back, so numbers stay gapless and a job delivered twice issues one invoice.
 */
@Injectable()
export class InvoiceIssuerService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: InvoiceRepository,
    private readonly hooks: InvoiceIssuedHooks,
  ) {}

  async close(orgId: string, period: InvoicePeriod): Promise<CloseResult> {
    const existing = await this.repo.findByPeriod(orgId, period.start);
    if (existing) return { invoice: existing, created: false };
    const draft = draftInvoice(await this.repo.usageGroups(orgId, period), await this.repo.discounts(orgId, period));
    if (!draft.lines.length) return { invoice: null, created: false };

    let invoice: Invoice;
    try {
      invoice = await this.db.transaction((m) => this.insert(m, orgId, period, draft));
    } catch (err) {
      if (!(err instanceof AlreadyIssued)) throw err;
      return { invoice: await this.repo.findByPeriod(orgId, period.start), created: false };
    }
    await this.hooks.notify({
      invoiceId: invoice.id, orgId, number: invoice.number, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd,
      totalNano: BigInt(invoice.totalNano), currency: invoice.currency, issuedAt: invoice.issuedAt,
    });
    return { invoice, created: true };
  }

  private async insert(m: EntityManager, orgId: string, period: InvoicePeriod, draft: InvoiceDraft): Promise<Invoice> {
    const issuedAt = new Date();
    const invoice = Object.assign(new Invoice(), {
      id: randomUUID(), orgId, number: formatInvoiceNumber(issuedAt, await this.repo.nextNumber(m)),
      periodStart: period.start, periodEnd: period.end, status: 'issued', currency: 'USD', issuedAt,
      subtotalNano: String(draft.subtotalNano), discountNano: String(draft.discountNano), totalNano: String(draft.totalNano),
    } satisfies Invoice);
    if (!(await this.repo.insertIfAbsent(m, invoice))) throw new AlreadyIssued();
    await this.repo.insertLines(m, invoice.id, draft.lines);
    return invoice;
  }
}
