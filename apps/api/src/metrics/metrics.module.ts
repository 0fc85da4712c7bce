import { Global, Module } from '@nestjs/common';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { GATEWAY_METRIC_PROVIDERS, GatewayMetricsService } from './gateway-metrics.service';
import { QueueMetricsService } from './queue-metrics.service';

@Global()
@Module({
  imports: [PrometheusModule.register({ path: '/metrics', defaultMetrics: { enabled: true } })],
  providers: [...GATEWAY_METRIC_PROVIDERS, GatewayMetricsService, QueueMetricsService],
  exports: [GatewayMetricsService],
})
export class MetricsModule {}
