import { Module } from '@nestjs/common';
import { CostMonitorService } from './cost/cost-monitor.service';
import { MonitoringJobsService } from './monitoring-jobs.service';
import { MonitoringSettingsService } from './monitoring-settings.service';
import { SlaReportsService } from './sla/sla-reports.service';
import { SlaStatsService } from './sla/sla-stats.service';
import { SlaService } from './sla/sla.service';
import { UsageQueriesRepository } from './usage-queries.repository';

/**
 * The SLA and cost monitors and their scheduled jobs, without HTTP: what the worker process needs.
 * Import it to reach CostMonitorService.currentAnomaly (alert rules).
 */
@Module({
  providers: [UsageQueriesRepository, MonitoringSettingsService, SlaStatsService, SlaService, SlaReportsService, CostMonitorService, MonitoringJobsService],
  exports: [MonitoringSettingsService, SlaService, SlaReportsService, CostMonitorService],
})
export class MonitoringCoreModule {}
