import { Injectable } from '@nestjs/common';
import type { CloseInvoicePeriodResult, InvoiceSummaryView, InvoiceView } from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { invoiceCsv } from './invoice-csv';
import { type InvoiceDocument, toInvoiceDocument } from './invoice-document';
import { InvoiceIssuerService } from './invoice-issuer.service';
import { monthContaining, parsePeriod } from './invoice-period';
import { renderInvoicePdf } from './invoice-pdf';
import { toInvoiceView, toSummaryView } from './invoice-view';
import { InvoiceRepository } from './invoice.repository';
import type { Invoice } from './invoice.entity';

export interface InvoiceFile {
  filename: string;
  contentType: string;
  body: Buffer | string;
}

/** The admin side of invoices: every lookup is scoped by the caller's org; ids of other orgs are 404. */
@Injectable()
export class InvoicesService {
  constructor(private readonly repo: InvoiceRepository, private readonly issuer: InvoiceIssuerService) {}

  async list(orgId: string, limit: number): Promise<InvoiceSummaryView[]> {
    return (await this.repo.list(orgId, Math.min(Math.max(limit, 1), 120))).map(toSummaryView);
  }

  async get(orgId: string, id: string): Promise<InvoiceView> {
    const invoice = await this.invoice(orgId, id);
    return toInvoiceView(invoice, await this.repo.lines(invoice.id));
  }

  async pdf(orgId: string, id: string): Promise<InvoiceFile> {
    const doc = await this.document(orgId, id);
    return { filename: `${doc.number}.pdf`, contentType: 'application/pdf', body: await renderInvoicePdf(doc) };
  }

  async csv(orgId: string, id: string): Promise<InvoiceFile> {
    const doc = await this.document(orgId, id);
    return { filename: `${doc.number}.csv`, contentType: 'text/csv; charset=utf-8', body: invoiceCsv(doc) };
  }

  /**
   * Closes the calendar month containing `periodStart` for this org, now. Unlike the scheduled job it
   * may close the current month: usage after that moment belongs to no invoice, hence platform owners only.
   */
  async close(orgId: string, periodStart: string): Promise<CloseInvoicePeriodResult> {
    const period = parsePeriod(periodStart);
    if (!period) throw new AppException(AppErrorCode.ValidationFailed, 'periodStart is not a date', { param: 'periodStart' });
    if (period.start > monthContaining(new Date()).start) {
      throw new AppException(AppErrorCode.ValidationFailed, 'periodStart names a month that has not started', { param: 'periodStart' });
    }
    const result = await this.issuer.close(orgId, period);
    return {
      periodStart: period.start.toISOString(), periodEnd: period.end.toISOString(), created: result.created,
      invoice: result.invoice ? toInvoiceView(result.invoice, await this.repo.lines(result.invoice.id)) : null,
    };
  }

  private async invoice(orgId: string, id: string): Promise<Invoice> {
    const invoice = isUuid(id) ? await this.repo.find(orgId, id) : null;
    if (!invoice) throw AppException.notFound('invoice');
    return invoice;
  }

  private async document(orgId: string, id: string): Promise<InvoiceDocument> {
    const invoice = await this.invoice(orgId, id);
    return toInvoiceDocument(invoice, await this.repo.lines(invoice.id), await this.repo.orgName(orgId));
  }
}
