import { Global, Module } from '@nestjs/common';
import { BudgetThresholdEvaluator } from './budget-threshold.evaluator';
import { QuotaCountersService } from './quota-counters.service';
import { QuotaEnforcerService } from './quota-enforcer.service';
import { QuotaPoliciesService } from './quota-policies.service';
import { QuotasController } from './quotas.controller';
import { RateLimiterService } from './rate-limiter.service';

/** The policy engine of /v1: rate limits, period quotas and budgets. */
@Global()
@Module({
  controllers: [QuotasController],
  providers: [RateLimiterService, QuotaCountersService, QuotaPoliciesService, QuotaEnforcerService, BudgetThresholdEvaluator],
  exports: [RateLimiterService, QuotaEnforcerService],
})
export class QuotasModule {}
