import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';

/** What a listener learns about a freshly issued invoice; amounts in nano-dollars. */
export interface IssuedInvoiceEvent {
  invoiceId: string;
  orgId: string;
  number: string;
  periodStart: Date;
  periodEnd: Date;
  totalNano: bigint;
  currency: 'USD';
  issuedAt: Date;
}

/** Implemented by whoever reacts to new invoices (the notifications module, to email them). */
export interface InvoiceIssuedListener {
  invoiceIssued(event: IssuedInvoiceEvent): Promise<void> | void;
}

/**
 * The hook fired once per invoice, after its transaction committed, in the process that issued it.
 * Deliberately not a ClusterEvent: those reach every instance, so each would send the email. A
 * listener should only enqueue its own durable job (jobId = invoice id) and return quickly. Delivery
 * is at most once (a crash between commit and the call loses it): listeners needing certainty
 * reconcile against the invoices table.
 */
@Injectable()
export class InvoiceIssuedHooks {
  private readonly listeners = new Set<InvoiceIssuedListener>();

  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  /** Returns an unregister function. */
  register(listener: InvoiceIssuedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Never throws: the invoice is issued whatever a listener does. */
  async notify(event: IssuedInvoiceEvent): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener.invoiceIssued(event);
      } catch (err) {
        this.logger.error({ invoice: event.number, err: (err as Error).message }, 'invoice-issued listener failed');
      }
    }
  }
}
