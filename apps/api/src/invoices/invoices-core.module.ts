import { Module } from '@nestjs/common';
import { InvoiceClosingService } from './invoice-closing.service';
import { InvoiceIssuedHooks } from './invoice-issued.hooks';
import { InvoiceIssuerService } from './invoice-issuer.service';
import { InvoiceRepository } from './invoice.repository';

/**
 * Issuing and the scheduled closing job, without HTTP: what the worker process needs. Import it to
 * reach InvoiceIssuedHooks (e.g. from the notifications module).
 */
@Module({
  providers: [InvoiceRepository, InvoiceIssuedHooks, InvoiceIssuerService, InvoiceClosingService],
  exports: [InvoiceRepository, InvoiceIssuedHooks, InvoiceIssuerService, InvoiceClosingService],
})
export class InvoicesCoreModule {}
