import { Global, Module } from '@nestjs/common';
import { BalanceWatchService } from './balance-watch.service';
import { BillingService } from './billing.service';
import { CouponCapService } from './coupon-cap.service';
import { StaleHoldSweeperService } from './stale-hold-sweeper.service';

/** Holds, settlement and the ledger: what the gateway and the usage worker need, without HTTP. */
@Global()
@Module({
  providers: [BillingService, StaleHoldSweeperService, BalanceWatchService, CouponCapService],
  exports: [BillingService, BalanceWatchService, CouponCapService],
})
export class BillingCoreModule {}
