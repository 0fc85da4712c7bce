import { Injectable, type OnModuleInit } from '@nestjs/common';
import { formatDollars } from '../billing/money';
import { type InvoiceIssuedListener, InvoiceIssuedHooks, type IssuedInvoiceEvent } from '../invoices/invoice-issued.hooks';
import { NotificationsService } from './notifications.service';

/** Tells an org its invoice is ready: email and webhooks through its channels, and the inbox. */
@Injectable()
export class InvoiceIssuedNotifier implements InvoiceIssuedListener, OnModuleInit {
  constructor(private readonly hooks: InvoiceIssuedHooks, private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async invoiceIssued(e: IssuedInvoiceEvent): Promise<void> {
    const total = formatDollars(e.totalNano);
    await this.notifications.notify(e.orgId, {
      id: `invoice.issued.${e.invoiceId}`, type: 'invoice.issued', title: `Invoice ${e.number} issued`,
      body: `Invoice ${e.number} for ${e.periodStart.toISOString().slice(0, 7)} totals $${total}.`,
      data: { invoiceId: e.invoiceId, number: e.number, total },
    });
  }
}
