import { Global, Module } from '@nestjs/common';
import { BillingService } from './billing.service';

/** Holds, settlement and the ledger: what the gateway and the usage worker need, without HTTP. */
@Global()
@Module({ providers: [BillingService], exports: [BillingService] })
export class BillingCoreModule {}
