import { Module } from '@nestjs/common';
import { BillingAdminService } from './billing-admin.service';
import { BillingCoreModule } from './billing-core.module';
import { BillingController } from './billing.controller';

@Module({ imports: [BillingCoreModule], controllers: [BillingController], providers: [BillingAdminService] })
export class BillingModule {}
