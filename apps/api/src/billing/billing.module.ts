import { Module } from '@nestjs/common';
import { CreditsModule } from '../credits/credits.module';
import { BillingAdminService } from './billing-admin.service';
import { BillingCoreModule } from './billing-core.module';
import { BillingController } from './billing.controller';

@Module({ imports: [BillingCoreModule, CreditsModule], controllers: [BillingController], providers: [BillingAdminService] })
export class BillingModule {}
