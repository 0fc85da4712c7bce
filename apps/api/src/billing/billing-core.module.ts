import { Global, Module } from '@nestjs/common';
import { BillingService } from './billing.service';
import { StaleHoldSweeperService } from './stale-hold-sweeper.service';

/** Holds, settlement and the ledger: what the gateway and the usage worker need, without HTTP. */
@Global()
@Module({ providers: [BillingService, StaleHoldSweeperService], exports: [BillingService] })
export class BillingCoreModule {}
