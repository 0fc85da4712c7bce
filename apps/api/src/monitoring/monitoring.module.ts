import { Module } from '@nestjs/common';
import { CostController } from './cost/cost.controller';
import { SpendAnomalyEvaluator } from './cost/spend-anomaly.evaluator';
import { MonitoringCoreModule } from './monitoring-core.module';
import { MonitoringSettingsController } from './monitoring-settings.controller';
import { SlaController } from './sla/sla.controller';

/** The monitors' admin API, and the spend-anomaly kind of alert rule (alerts are evaluated on API instances). */
@Module({ imports: [MonitoringCoreModule], controllers: [SlaController, CostController, MonitoringSettingsController], providers: [SpendAnomalyEvaluator] })
export class MonitoringModule {}
