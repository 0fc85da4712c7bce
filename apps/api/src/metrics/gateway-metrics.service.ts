import { Injectable } from '@nestjs/common';
import { InjectMetric, makeCounterProvider, makeHistogramProvider } from '@willsoto/nestjs-prometheus';
import type { NormalizedUsage, UpstreamError } from '@ai-router/providers';
import type { Counter, Histogram } from 'prom-client';
import { NANO_PER_DOLLAR } from '../billing/money';
import { upstreamErrorKind } from './upstream-error-kind';

const REQUESTS = 'ai_router_requests_total';
const DURATION = 'ai_router_request_duration_seconds';
const TTFT = 'ai_router_time_to_first_token_seconds';
const TOKENS = 'ai_router_tokens_total';
const REFUSALS = 'ai_router_refusals_total';
const UPSTREAM_ERRORS = 'ai_router_upstream_errors_total';
const COST = 'ai_router_cost_usd_total';

/**
 * Labels are bounded: operation, public model name, status class, token kind, refusal reason, provider
 * kind and provider account name, error kind; never key, user, org or request ids.
 */
export const GATEWAY_METRIC_PROVIDERS = [
  makeCounterProvider({ name: REQUESTS, help: 'Requests answered on /v1', labelNames: ['operation', 'model', 'status_class'] }),
  makeHistogramProvider({
    name: DURATION, help: 'Total /v1 request duration', labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
  }),
  makeHistogramProvider({ name: TTFT, help: 'Time to first streamed byte', labelNames: ['model'], buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10] }),
  makeCounterProvider({ name: TOKENS, help: 'Tokens by kind, as the providers reported them', labelNames: ['model', 'kind'] }),
  makeCounterProvider({ name: REFUSALS, help: 'Requests refused by the policy engine', labelNames: ['reason'] }),
  makeCounterProvider({
    name: UPSTREAM_ERRORS, help: 'Failed upstream attempts, by provider and kind of failure', labelNames: ['provider_kind', 'provider', 'kind'],
  }),
  makeCounterProvider({ name: COST, help: 'Cost charged to orgs for finished requests, in US dollars', labelNames: ['model', 'provider'] }),
];

@Injectable()
export class GatewayMetricsService {
  constructor(
    @InjectMetric(REQUESTS) private readonly requests: Counter<string>,
    @InjectMetric(DURATION) private readonly duration: Histogram<string>,
    @InjectMetric(TTFT) private readonly ttft: Histogram<string>,
    @InjectMetric(TOKENS) private readonly tokens: Counter<string>,
    @InjectMetric(REFUSALS) private readonly refusals: Counter<string>,
    @InjectMetric(UPSTREAM_ERRORS) private readonly upstreamErrors: Counter<string>,
    @InjectMetric(COST) private readonly cost: Counter<string>,
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

  /**
   * A request answered before routing: unknown or forbidden model, or no deployment available (every
   * breaker open). Counted so an outage shows in the error rate; the model label is "none" because the
   * name a client sends is unbounded.
   */
  unrouted(operation: string, status: number, latencyMs: number): void {
    this.observe(operation, 'none', status, latencyMs, null, null);
  }

  /** `reason`: rate_limit_exceeded or insufficient_quota. */
  refused(reason: string): void {
    this.refusals.inc({ reason });
  }

  upstreamError(account: { kind: string; name: string }, error: Pick<UpstreamError, 'status' | 'code'>): void {
    this.upstreamErrors.inc({ provider_kind: account.kind, provider: account.name, kind: upstreamErrorKind(error) });
  }

  /**
   * The cost a finished request settles at (usageCharge: what the ledger is charged). Prometheus counts in
   * floating point, so the exact nano-dollars become dollars only here, at the edge.
   */
  costSettled(model: string, provider: string | null, costNano: bigint): void {
    if (costNano <= 0n) return;
    this.cost.inc({ model, provider: provider ?? 'none' }, Number(costNano) / Number(NANO_PER_DOLLAR));
  }
}
