import { Global, Module } from '@nestjs/common';
import { BalanceLeasesService } from './balance-leases.service';
import { BalanceWatchService } from './balance-watch.service';
import { BillingService } from './billing.service';
import { CouponCapService } from './coupon-cap.service';
import { StaleHoldSweeperService } from './stale-hold-sweeper.service';

/** Balance leases (holds), settlement and the ledger: what the gateway and the usage worker need, without HTTP. */
@Global()
@Module({
  providers: [BillingService, BalanceLeasesService, StaleHoldSweeperService, BalanceWatchService, CouponCapService],
  exports: [BillingService, BalanceLeasesService, BalanceWatchService, CouponCapService],
})
export class BillingCoreModule {}
