import { Global, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { MetricsController } from './metrics.controller';
import { GATEWAY_METRIC_PROVIDERS, GatewayMetricsService } from './gateway-metrics.service';
import { QUEUE_JOB_FAILURES_PROVIDER } from './queue-job-failures.metric';
import { QueueMetricsService } from './queue-metrics.service';
import { USAGE_WRITER_METRIC_PROVIDERS, UsageWriterMetricsService } from './usage-writer-metrics.service';

@Global()
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', controller: MetricsController, defaultMetrics: { enabled: true } })],
  providers: [...GATEWAY_METRIC_PROVIDERS, ...USAGE_WRITER_METRIC_PROVIDERS, GatewayMetricsService, UsageWriterMetricsService, QueueMetricsService, QUEUE_JOB_FAILURES_PROVIDER],
  exports: [GatewayMetricsService, UsageWriterMetricsService, QUEUE_JOB_FAILURES_PROVIDER],
})
export class MetricsModule {}
