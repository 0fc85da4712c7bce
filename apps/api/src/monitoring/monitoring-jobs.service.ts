import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../common/logger.module';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { CostMonitorService } from './cost/cost-monitor.service';
import { SlaReportsService } from './sla/sla-reports.service';

const SLA_REPORTS_JOB = 'issue-sla-reports';
const COST_ANOMALIES_JOB = 'detect-cost-anomalies';
/** Reports of a closed day are issued within the hour after its grace ends. */
const SLA_REPORTS_EVERY_MS = 60 * 60_000;
/** A spend anomaly is noticed within ten minutes of the hour's spend crossing the threshold. */
const COST_ANOMALIES_EVERY_MS = 10 * 60_000;

/** The monitors' scheduled jobs, on one queue: SLA reports hourly, spend anomaly detection every ten minutes. */
@Injectable()
export class MonitoringJobsService implements OnApplicationBootstrap {
  constructor(
    private readonly queue: MessageQueueService,
    private readonly reports: SlaReportsService,
    private readonly cost: CostMonitorService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const registered = this.queue.process(QueueName.Monitoring, async (job) => {
      if (job.name === SLA_REPORTS_JOB) await this.reports.runDue();
      else if (job.name === COST_ANOMALIES_JOB) await this.cost.detectAll();
      else this.logger.warn({ job: job.name }, 'unknown monitoring job ignored');
    }, 1);
    if (!registered) return;
    await this.queue.schedule(QueueName.Monitoring, SLA_REPORTS_JOB, SLA_REPORTS_EVERY_MS);
    await this.queue.schedule(QueueName.Monitoring, COST_ANOMALIES_JOB, COST_ANOMALIES_EVERY_MS);
  }
}
