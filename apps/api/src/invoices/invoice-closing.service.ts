import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { closablePeriods } from './invoice-period';
import { InvoiceIssuerService } from './invoice-issuer.service';
import { InvoiceRepository } from './invoice.repository';
import type { Invoice } from './invoice.entity';

const JOB = 'close-due-months';
const EVERY_MS = 60 * 60_000;
/** How long after a month ends before it is closed; see closablePeriods. */
const GRACE_MS = 60 * 60_000;
/**
 * How far back the job looks for months not yet invoiced. Bounded so an hourly run stays cheap, and so
 * enabling invoices on an old installation does not issue years of retroactive invoices.
 */
const LOOKBACK_MONTHS = 12;

/**
 * The scheduled job: every hour, closes each past calendar month (UTC) for each org that had charges
 * in it and has no invoice for it yet. Safe to run twice or on several workers at once: issuing is
 * idempotent per (org, month).
 */
@Injectable()
export class InvoiceClosingService implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueueService,
    private readonly repo: InvoiceRepository,
    private readonly issuer: InvoiceIssuerService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.process(QueueName.Invoices, () => this.closeDue().then(() => undefined), 1)) return;
    await this.queue.schedule(QueueName.Invoices, JOB, EVERY_MS);
    // Also once at start: an embedded install that never stays up an hour still gets its invoices.
    await this.queue.add(QueueName.Invoices, JOB, {}, { attempts: 1 }).catch((err: Error) => {
      this.logger.warn({ err: err.message }, 'could not queue the start-up invoice closing; the hourly schedule will');
    });
  }

  /** Returns the invoices it issued. One org's failure is logged and retried by the next run. */
  async closeDue(now = new Date()): Promise<Invoice[]> {
    const issued: Invoice[] = [];
    for (const period of closablePeriods(now, GRACE_MS, LOOKBACK_MONTHS)) {
      for (const orgId of await this.repo.orgsToInvoice(period)) {
        try {
          const result = await this.issuer.close(orgId, period);
          if (result.created && result.invoice) issued.push(result.invoice);
        } catch (err) {
          this.logger.error({ orgId, periodStart: period.start.toISOString(), err: (err as Error).message }, 'invoice closing failed');
        }
      }
    }
    if (issued.length) this.logger.info({ count: issued.length }, 'invoices issued');
    return issued;
  }
}
