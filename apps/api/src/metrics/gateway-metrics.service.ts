import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { NormalizedUsage } from '@ai-router/providers';
import type { Counter, Histogram } from 'prom-client';

const REQUESTS = 'ai_router_requests_total';
const DURATION = 'ai_router_request_duration_seconds';
const TTFT = 'ai_router_time_to_first_token_seconds';
const TOKENS = 'ai_router_tokens_total';
const REFUSALS = 'ai_router_refusals_total';

/** Labels are bounded: operation, public model name, status class, token kind, refusal reason; never key or user ids. */
export const GATEWAY_METRIC_PROVIDERS = [
  makeCounterProvider({ name: REQUESTS, help: 'Requests answered on /v1', labelNames: ['operation', 'model', 'status_class'] }),
  makeHistogramProvider({
    name: DURATION, help: 'Total /v1 request duration', labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  }),
  makeHistogramProvider({ name: TTFT, help: 'Time to first streamed byte', labelNames: ['model'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] }),
  makeCounterProvider({ name: TOKENS, help: 'Tokens by kind, as the providers reported them', labelNames: ['model', 'kind'] }),
  makeCounterProvider({ name: REFUSALS, help: 'Requests refused by the policy engine', labelNames: ['reason'] }),
];

@Injectable()
export class GatewayMetricsService {
  constructor(
    @InjectMetric(REQUESTS) private readonly requests: Counter<string>,
    @InjectMetric(DURATION) private readonly duration: Histogram<string>,
    @InjectMetric(TTFT) private readonly ttft: Histogram<string>,
    @InjectMetric(TOKENS) private readonly tokens: Counter<string>,
    @InjectMetric(REFUSALS) private readonly refusals: Counter<string>,
  ) {}

  observe(operation: string, model: string, status: number, latencyMs: number, ttftMs: number | null, usage: NormalizedUsage | null): void {
    this.requests.inc({ operation, model, status_class: `${Math.floor(status / 100)}xx` });
    this.duration.observe({ operation }, latencyMs / 1000);
    if (ttftMs !== null) this.ttft.observe({ model }, ttftMs / 1000);
    if (usage) {
      this.tokens.inc({ model, kind: 'input' }, usage.inputTokens);
      this.tokens.inc({ model, kind: 'output' }, usage.outputTokens);
      if (usage.cachedInputTokens) this.tokens.inc({ model, kind: 'cached_input' }, usage.cachedInputTokens);
    }
  }

  /** `reason`: rate_limit_exceeded or insufficient_quota. */
  refused(reason: string): void {
    this.refusals.inc({ reason });
  }
}
