import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { KeyPoolModule } from '../key-pool/key-pool.module';
import { RouterModule } from '../router/router.module';
import { AlertEngineService } from './alert-engine.service';
import { AlertEvaluatorRegistry } from './alert-evaluator.registry';
import { AlertHistoryService } from './alert-history.service';
import { AlertRulesService } from './alert-rules.service';
import { AlertsController } from './alerts.controller';
import { ErrorRateEvaluator } from './evaluators/error-rate.evaluator';
import { KeyDisabledEvaluator } from './evaluators/key-disabled.evaluator';
import { LatencyEvaluator } from './evaluators/latency.evaluator';
import { LowBalanceEvaluator } from './evaluators/low-balance.evaluator';
import { ProviderDownEvaluator } from './evaluators/provider-down.evaluator';

/**
 * Alert rules, their evaluation and history. Evaluators are found by `@AlertEvaluatorFor(kind)`
 * wherever they are provided, so a module adding a kind provides its evaluator itself.
 */
@Module({
  imports: [DiscoveryModule, KeyPoolModule, RouterModule],
  controllers: [AlertsController],
  providers: [
    AlertEvaluatorRegistry, AlertEngineService, AlertRulesService, AlertHistoryService,
    ErrorRateEvaluator, LatencyEvaluator, ProviderDownEvaluator, KeyDisabledEvaluator, LowBalanceEvaluator,
  ],
  exports: [AlertEngineService],
})
export class AlertsModule {}
