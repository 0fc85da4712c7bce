import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { firstRow } from '../database/returned-rows';
import { Org } from '../orgs/org.entity';
import type { DraftLine, UsageGroup } from './invoice-draft';
import { InvoiceLine } from './invoice-line.entity';
import type { InvoicePeriod } from './invoice-period';
import { Invoice } from './invoice.entity';

/** Data access for invoices, without business rules; every read is scoped by org. */
@Injectable()
export class InvoiceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Orgs with charges in `period` and no invoice for it. Charges are written in the same transaction
   * as their usage rows, and the ledger's (org_id, created_at) index makes this a cheap probe per org
   * rather than a scan of a month of usage.
   */
  async orgsToInvoice(period: InvoicePeriod): Promise<string[]> {
    const rows: { orgId: string }[] = await this.db.query(
      `SELECT o.id AS "orgId" FROM orgs o
       WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.org_id = o.id AND i.period_start = $1)
         AND EXISTS (SELECT 1 FROM ledger_entries l WHERE l.org_id = o.id AND l.entry_type = 'charge' AND l.created_at >= $1 AND l.created_at < $2)
       ORDER BY o.id`,
      [period.start.toISOString(), period.end.toISOString()],
    );
    return rows.map((r) => r.orgId);
  }

  /**
   * The period's priced requests per model, before discounts, from the daily rollups (periods are whole
   * UTC months, so whole days; rollups outlive the per-request rows). cost_nano is what was charged
   * (multiplier included), discount_nano what plan and coupon discounts took off it.
   */
  usageGroups(orgId: string, period: InvoicePeriod): Promise<UsageGroup[]> {
    return this.db.query(
      `SELECT model, sum(requests)::text AS requests, sum(input_tokens)::text AS "inputTokens", sum(output_tokens)::text AS "outputTokens",
              sum(cached_input_tokens)::text AS "cachedInputTokens", sum(cache_write_tokens)::text AS "cacheWriteTokens",
              sum(images)::text AS images, sum(cost_nano + discount_nano)::text AS "amountNano"
       FROM usage_rollups_daily WHERE org_id = $1 AND bucket_start >= $2 AND bucket_start < $3 AND charged
       GROUP BY model`,
      [orgId, period.start.toISOString(), period.end.toISOString()],
    );
  }

  /**
   * The period's discounts: usage discounts (plan, percent coupons) plus coupon and refund credits
   * (credits are positive in the ledger). Redemption codes are prepaid money, like top-ups: not a discount.
   */
  async discounts(orgId: string, period: InvoicePeriod): Promise<bigint> {
    const [row]: { credits: string; usage: string }[] = await this.db.query(
      `SELECT (SELECT coalesce(sum(amount_nano), 0) FROM ledger_entries
               WHERE org_id = $1 AND entry_type IN ('coupon', 'coupon_credit', 'refund') AND amount_nano > 0 AND created_at >= $2 AND created_at < $3)::text AS credits,
              (SELECT coalesce(sum(discount_nano), 0) FROM usage_logs WHERE org_id = $1 AND created_at >= $2 AND created_at < $3)::text AS usage`,
      [orgId, period.start.toISOString(), period.end.toISOString()],
    );
    return BigInt(row?.credits ?? 0) + BigInt(row?.usage ?? 0);
  }

  /** Takes the next invoice number; the counter row stays locked until the transaction ends. */
  async nextNumber(m: EntityManager): Promise<bigint> {
    const row = firstRow(await m.query('UPDATE invoice_number_counter SET last_value = last_value + 1 RETURNING last_value::text AS value'));
    return BigInt((row as { value: string }).value);
  }

  /** Inserts unless the org's month is invoiced already; returns whether it did. */
  async insertIfAbsent(m: EntityManager, invoice: Invoice): Promise<boolean> {
    const result: unknown = await m.query(
      `INSERT INTO invoices (id, org_id, number, period_start, period_end, status, subtotal_nano, discount_nano, total_nano, currency, issued_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (org_id, period_start) DO NOTHING RETURNING id`,
      [invoice.id, invoice.orgId, invoice.number, invoice.periodStart.toISOString(), invoice.periodEnd.toISOString(), invoice.status,
        invoice.subtotalNano, invoice.discountNano, invoice.totalNano, invoice.currency, invoice.issuedAt.toISOString()],
    );
    return firstRow(result) !== null;
  }

  async insertLines(m: EntityManager, invoiceId: string, lines: DraftLine[]): Promise<void> {
    if (!lines.length) return;
    await m.getRepository(InvoiceLine).insert(lines.map((l) => ({
      invoiceId, position: l.position, model: l.model, requests: String(l.requests), inputTokens: String(l.inputTokens),
      outputTokens: String(l.outputTokens), cachedInputTokens: String(l.cachedInputTokens), cacheWriteTokens: String(l.cacheWriteTokens),
      images: String(l.images), amountNano: String(l.amountNano),
    })));
  }

  findByPeriod(orgId: string, periodStart: Date): Promise<Invoice | null> {
    return this.db.getRepository(Invoice).findOneBy({ orgId, periodStart });
  }

  find(orgId: string, id: string): Promise<Invoice | null> {
    return this.db.getRepository(Invoice).findOneBy({ orgId, id });
  }

  /** Newest period first. */
  list(orgId: string, limit: number): Promise<Invoice[]> {
    return this.db.getRepository(Invoice).find({ where: { orgId }, order: { periodStart: 'DESC' }, take: limit });
  }

  lines(invoiceId: string): Promise<InvoiceLine[]> {
    return this.db.getRepository(InvoiceLine).find({ where: { invoiceId }, order: { position: 'ASC' } });
  }

  async orgName(orgId: string): Promise<string> {
    return (await this.db.getRepository(Org).findOneByOrFail({ id: orgId })).name;
  }
}
