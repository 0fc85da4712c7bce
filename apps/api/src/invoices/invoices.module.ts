import { Module } from '@nestjs/common';
import { InvoicesCoreModule } from './invoices-core.module';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';

@Module({ imports: [InvoicesCoreModule], controllers: [InvoicesController], providers: [InvoicesService] })
export class InvoicesModule {}
