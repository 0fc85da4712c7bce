import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { Counter, Histogram } from 'prom-client';

const REQUESTS = 'ai_router_requests_total';
const DURATION = 'ai_router_request_duration_seconds';
const TTFT = 'ai_router_time_to_first_token_seconds';

/** Labels are bounded: operation, public model name, provider kind, status class; never key or user ids. */
export const GATEWAY_METRIC_PROVIDERS = [
  makeCounterProvider({ name: REQUESTS, help: 'Requests answered on /v1', labelNames: ['operation', 'model', 'status_class'] }),
  makeHistogramProvider({
    name: DURATION, help: 'Total /v1 request duration', labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  }),
  makeHistogramProvider({ name: TTFT, help: 'Time to first streamed byte', labelNames: ['model'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] }),
];

@Injectable()
export class GatewayMetricsService {
  constructor(
    @InjectMetric(REQUESTS) private readonly requests: Counter<string>,
    @InjectMetric(DURATION) private readonly duration: Histogram<string>,
    @InjectMetric(TTFT) private readonly ttft: Histogram<string>,
  ) {}

  observe(operation: string, model: string, status: number, latencyMs: number, ttftMs: number | null): void {
    this.requests.inc({ operation, model, status_class: `${Math.floor(status / 100)}xx` });
    this.duration.observe({ operation }, latencyMs / 1000);
    if (ttftMs !== null) this.ttft.observe({ model }, ttftMs / 1000);
  }
}
