import { Module } from '@nestjs/common';
import { CostController } from './cost/cost.controller';
import { MonitoringCoreModule } from './monitoring-core.module';
import { MonitoringSettingsController } from './monitoring-settings.controller';
import { SlaController } from './sla/sla.controller';

@Module({ imports: [MonitoringCoreModule], controllers: [SlaController, CostController, MonitoringSettingsController] })
export class MonitoringModule {}
