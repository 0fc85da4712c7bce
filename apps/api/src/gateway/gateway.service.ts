import { Inject, Injectable } from '@nestjs/common';
import { getAdapter, type OperationAdapter, type ResponseContext, type UpstreamError } from '@ai-router/providers';
import type { Logger } from 'pino';
import { Cancellation } from '../common/cancellation';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import type { ClientReply, ClientRequest } from '../common/http-exchange';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ApiKeyPrincipal } from '../keys/api-key-auth.service';
import { type BalanceHold, BalanceLeasesService } from '../billing/balance-leases.service';
import { assuredDiscount, discountAt } from '../billing/billing-terms';
import { discountOf, type ModelPrice, worstCaseCost } from '../billing/money';
import { promptTokenBound } from '../billing/prompt-bound';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { GatewayMetricsService } from '../metrics/gateway-metrics.service';
import { NOTHING_RESERVED, QuotaEnforcerService, type QuotaReservation } from '../quotas/quota-enforcer.service';
import type { QuotaPolicy } from '../quotas/quota-policy.entity';
import { RateLimiterService } from '../quotas/rate-limiter.service';
import type { LimitScope } from '../quotas/token-buckets';
import { BodyCapture } from '../request-bodies/body-capture';
import { RequestBodiesService } from '../request-bodies/request-bodies.service';
import { CircuitBreakerService } from '../router/circuit-breaker.service';
import { orderCandidates, parseModelRef } from '../router/deployment-selector';
import { type RoutableBody, routingRequestOf } from '../router/request-features';
import { RoutePlannerService } from '../router/route-planner.service';
import type { OrgRoutes, RouteDeployment } from '../router/route.types';
import { RoutingSnapshotService } from '../router/routing-snapshot.service';
import { explain } from '../router/strategies/routing-decision';
import type { RoutingDecision, RoutingRequest } from '../router/strategies/routing-strategy';
import { usageCharge, usageChargeCeiling } from '../usage/usage-cost';
import { UsageRecorderService } from '../usage/usage-recorder.service';
import type { UsageBilling, UsageDiscount, UsageRecord } from '../usage/usage-record';
import { backoffDelayMs, sleep } from './retry-backoff';
import { UpstreamAttemptService } from './upstream-attempt.service';
import { allKeysResting, unsupported, upstreamException } from './upstream-errors';

export type GatewayOperation = 'chat' | 'completion' | 'embedding' | 'image' | 'imageEdit';

export interface GatewayBody extends RoutableBody {
  model: string;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  encoding_format?: string;
}

/** What a request reserved before it is forwarded: its quotas and, for a billed org, its balance hold. */
interface ReservedSpend {
  quota: QuotaReservation;
  hold: BalanceHold | null;
}

/** An unpriced model on a billed org costs nothing (the admin has not priced it). */
const FREE: ModelPrice = { inputPerMillion: 0n, outputPerMillion: 0n, cachedInputPerMillion: 0n, cacheWritePerMillion: 0n, perImage: 0n, perRequest: 0n, outputLimitTokens: 4096 };

/** Fallback chains are cycle-free (checked at save); this bounds them anyway. */
const MAX_FALLBACK_DEPTH = 5;

/**
 * One request through the gateway: resolve the model (and its fallbacks) to deployments, try them in
 * order with bounded attempts and backoff between rounds, answer, record usage. Nothing is retried
 * once a byte reached the client.
 */
@Injectable()
export class GatewayService {
  constructor(
    private readonly snapshot: RoutingSnapshotService,
    private readonly keyPool: KeyPoolService,
    private readonly breakers: CircuitBreakerService,
    private readonly attempts: UpstreamAttemptService,
    private readonly planner: RoutePlannerService,
    private readonly limiter: RateLimiterService,
    private readonly quotas: QuotaEnforcerService,
    private readonly leases: BalanceLeasesService,
    private readonly metrics: GatewayMetricsService,
    private readonly usage: UsageRecorderService,
    private readonly bodies: RequestBodiesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async proxy(operation: GatewayOperation, body: GatewayBody, principal: ApiKeyPrincipal, request: ClientRequest, reply: ClientReply): Promise<void> {
    this.usage.admit();
    const startedAt = performance.now();
    const receivedAt = new Date().toISOString();
    const requestId = String(request.id);
    const capture = principal.bodyLogMasker ? new BodyCapture(body) : null;
    maskForUpstream(body, principal);
    const routing = routingRequestOf(body, request.headers);
    const { modelName, candidates, decision, price } = await this.plan(body, principal, routing).catch((err: unknown) => {
      this.metrics.unrouted(operation, err instanceof AppException ? err.status : 500, performance.now() - startedAt);
      throw err;
    });
    const admission = await this.limiter.admit(rateLimitScopes(principal, request.ip), routing.promptTokens).catch((err: unknown) => {
      this.metrics.refused(AppErrorCode.RateLimited);
      throw err;
    });
    const discount = discountAt(principal.billing, Date.now());
    const pricing = pricingOf(price ?? FREE, principal.billing.multiplierBp, routing.promptTokens, discount);
    let spend: ReservedSpend;
    try {
      const policies = await this.quotas.applicable(principal);
      // The worst case reads the whole prompt: only a billed org or a quota needs it.
      spend = principal.billing.enabled || policies.length
        ? await this.reserveSpend(operation, body, principal, price ?? FREE, discount, policies)
        : { quota: NOTHING_RESERVED, hold: null };
    } catch (err) {
      admission.release(0);
      if (err instanceof AppException && err.code === AppErrorCode.InsufficientQuota) this.metrics.refused(err.code);
      throw err;
    }
    if (this.logger.isLevelEnabled('debug')) this.logger.debug({ reqId: requestId, routing: explain(decision) }, 'routing decision');
    const headers = {
      ...admission.headers, 'x-request-id': requestId,
      'x-ai-router-strategy': decision.rule ? `${decision.strategy}; rule=${decision.rule}` : decision.strategy,
    };
    const streamed = body.stream === true;
    // Client gone or deadline passed: one timer per request, and no AbortController (common/cancellation.ts).
    const clientAbort = new Cancellation();
    const upstreamAbort = new Cancellation();
    const deadline = setTimeout(() => upstreamAbort.abort(new DOMException('The upstream deadline passed.', 'TimeoutError')), this.config.UPSTREAM_TIMEOUT_MS);
    const onClose = () => {
      if (reply.raw.writableFinished) return;
      clientAbort.abort();
      upstreamAbort.abort();
    };
    reply.raw.on('close', onClose);
    const ctx: ResponseContext = {
      requestModel: body.model, requestId, created: Math.floor(Date.now() / 1000),
      encodingFormat: body.encoding_format === 'base64' ? 'base64' : 'float',
    };
    let lastDeployment: RouteDeployment | null = null;
    const finish = (outcome: Pick<UsageRecord, 'status' | 'usage' | 'ttftMs' | 'errorCode'>) => {
      admission.release(outcome.usage ? outcome.usage.inputTokens + outcome.usage.outputTokens : 0);
      // Explained only now: a long stream does not hold the routing lines the usage record alone needs.
      const record: UsageRecord = {
        requestId, startedAt: receivedAt, orgId: principal.orgId, apiKeyId: principal.keyId, userId: principal.userId, model: modelName, routing: explain(decision), operation, streamed, ...outcome,
        billing: pricing, billed: principal.billing.enabled, hold: spend.hold && { leaseId: spend.hold.leaseId, amount: spend.hold.amount.toString() },
        deploymentId: lastDeployment?.id ?? null, providerAccountId: lastDeployment?.account.id ?? null,
        latencyMs: Math.round(performance.now() - startedAt),
      };
      this.usage.record(record);
      // Quotas and the cost metric count what the request costs at the org's prices, billed or not.
      const priced = usageCharge(record);
      const charge = priced.cost;
      if (spend.hold) this.leases.release(spend.hold, usageChargeCeiling(record, priced));
      spend.quota.settle({ requests: outcome.status < 500 ? 1 : 0, tokens: outcome.usage ? outcome.usage.inputTokens + outcome.usage.outputTokens : 0, cost: charge });
      this.metrics.costSettled(modelName, lastDeployment?.account.name ?? null, charge);
      if (capture) this.bodies.keep(principal.bodyLogMasker!, principal.orgId, requestId, outcome.status, capture);
    };

    let lastError: UpstreamError | null = null;
    let made = 0;
    try {
      for (let round = 0; made < this.config.UPSTREAM_MAX_ATTEMPTS && !upstreamAbort.aborted; round++) {
        if (round > 0) await sleep(backoffDelayMs(round - 1), upstreamAbort);
        let triedThisRound = false;
        for (const deployment of candidates) {
          if (made >= this.config.UPSTREAM_MAX_ATTEMPTS || upstreamAbort.aborted) break;
          const op = getAdapter(deployment.account.kind)[operation] as OperationAdapter<unknown> | undefined;
          if (!op || (streamed && !op.createStreamTransformer)) {
            lastError ??= unsupported(operation, streamed);
            continue;
          }
          if (!this.breakers.allow(deployment.id)) continue;
          const key = this.keyPool.pick(deployment.account);
          if (!key) {
            lastError = allKeysResting(this.keyPool.secondsUntilReady(deployment.account));
            continue;
          }
          made++;
          triedThisRound = true;
          lastDeployment = deployment;
          const attemptStart = performance.now();
          this.planner.started(deployment.id);
          const outcome = await this.attempts.run({
            orgId: principal.orgId, deployment, key, op, body, streamed, ctx, reply, signal: upstreamAbort, clientSignal: clientAbort, startedAt, headers, capture,
          });
          this.planner.finished(
            deployment.id, outcome.kind !== 'failed' && !(outcome.kind === 'answered' && outcome.errorCode),
            performance.now() - attemptStart, outcome.kind === 'failed' ? null : outcome.ttftMs,
          );
          if (outcome.kind === 'answered') {
            return finish({ status: outcome.status, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: outcome.errorCode });
          }
          if (outcome.kind === 'client-gone') return finish({ status: 499, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: 'client_closed' });
          lastError = outcome.error;
          if (!outcome.error.retryable) break;
        }
        // Another round only helps when something was tried and failed in a way that may pass.
        if (!triedThisRound || !lastError?.retryable) break;
      }
      if (clientAbort.aborted) return finish({ status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
    } catch (err) {
      if (clientAbort.aborted) return finish({ status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
      const appError = err instanceof AppException ? err : null;
      finish({ status: appError?.status ?? 500, usage: null, ttftMs: null, errorCode: appError?.code ?? 'internal_error' });
      throw err;
    } finally {
      clearTimeout(deadline);
      reply.raw.off('close', onClose);
    }
    const error = upstreamAbort.aborted && !lastError
      ? new AppException(AppErrorCode.UpstreamTimeout, 'The upstream providers did not answer in time.')
      : upstreamException(lastError);
    finish({ status: error.status, usage: null, ttftMs: null, errorCode: lastError?.code ?? error.code });
    throw error;
  }

  /**
   * Reserves the request's worst case on its quotas and, for a billed org, holds it against the balance
   * (refused with 429 insufficient_quota when either cannot cover it); a refused hold frees the quotas.
   */
  private async reserveSpend(
    operation: GatewayOperation, body: GatewayBody, principal: ApiKeyPrincipal, price: ModelPrice, discount: UsageDiscount, policies: QuotaPolicy[],
  ): Promise<ReservedSpend> {
    const worst = worstCase(operation, body, price, principal.billing.multiplierBp, principal.billing.enabled || QuotaEnforcerService.boundsOutput(policies));
    const worstCost = worst.cost - discountOf(worst.cost, assuredDiscount(discount));
    const quota = await this.quotas.reserve(policies, { requests: 1, tokens: worst.tokens, cost: worstCost });
    try {
      return { quota, hold: principal.billing.enabled ? await this.leases.hold(principal.orgId, worstCost) : null };
    } catch (err) {
      quota.settle({ requests: 0, tokens: 0, cost: 0n });
      throw err;
    }
  }

  /**
   * The deployments to try, in order: the model's (ordered by its routing strategy and rules), then each
   * fallback model's, as the key allows.
   */
  private async plan(body: GatewayBody, principal: ApiKeyPrincipal, routing: RoutingRequest): Promise<{ modelName: string; candidates: RouteDeployment[]; decision: RoutingDecision; price: ModelPrice | null }> {
    const { model: name, pin } = parseModelRef(body.model);
    assertModelAllowed(principal, name);
    const routes = await this.snapshot.routesFor(principal.orgId);
    const requested = routes.get(name);
    if (!requested) {
      throw new AppException(AppErrorCode.ModelNotFound, `The model \`${body.model}\` does not exist or you do not have access to it.`, { param: 'model' });
    }
    const providerAllowed = (d: RouteDeployment) =>
      !principal.allowedProviders || principal.allowedProviders.has(d.account.name) || principal.allowedProviders.has(d.account.kind);
    const { model, decision } = this.planner.plan({
      model: requested, pin, providerAllowed, request: routing,
      // A rule may only switch to a model this key may use.
      resolve: (target) => (principal.allowedModels && !principal.allowedModels.has(target) ? undefined : routes.get(target)),
    });
    const candidates = decision.ordered.map((c) => c.candidate.deployment);
    // A pinned provider means exactly that provider: no fallback to other models.
    if (!pin) candidates.push(...fallbackCandidates(routes, model.fallbacks, principal).filter(providerAllowed));
    if (!candidates.length) {
      const resting = model.deployments.map((d) => this.keyPool.secondsUntilReady(d.account));
      // Everything is only waiting out provider rate limits: say when to come back.
      if (resting.length && resting.every((s) => s > 0)) throw upstreamException(allKeysResting(Math.min(...resting)));
      throw new AppException(AppErrorCode.NoDeploymentAvailable, `No provider is available for the model \`${body.model}\` right now.`);
    }
    return { modelName: model.name, candidates, decision, price: model.price };
  }
}

/** Orgs that mask prompts: content leaves the gateway with PII replaced (messages, prompt, input). */
function maskForUpstream(body: GatewayBody, principal: ApiKeyPrincipal): void {
  const masker = principal.upstreamMasker;
  if (!masker) return;
  for (const field of ['messages', 'prompt', 'input'] as const) {
    if (body[field] !== undefined) body[field] = masker.maskJson(body[field]);
  }
}

/** Rate limits apply to the key, the org, the key's user and the client's address, all at once. */
function rateLimitScopes(principal: ApiKeyPrincipal, clientIp: string): LimitScope[] {
  const scopes: LimitScope[] = [
    { id: `key:${principal.keyId}`, limits: principal.keyLimits },
    { id: `org:${principal.orgId}`, limits: principal.orgLimits },
    { id: `ip:${principal.orgId}:${clientIp}`, limits: principal.ipLimits },
  ];
  if (principal.userId) scopes.push({ id: `user:${principal.orgId}:${principal.userId}`, limits: principal.userLimits });
  return scopes;
}

/**
 * The most a request can consume: tokens (prompt bound + output bound) and cost at the org's prices.
 * When something must hold exactly (a billed org, a hard token or cost quota) and the client named no
 * output limit, the price book's output limit is sent upstream, so usage can never exceed the worst case.
 */
function worstCase(operation: GatewayOperation, body: GatewayBody, price: ModelPrice, multiplierBp: number, boundOutput: boolean): { tokens: number; cost: bigint } {
  const generates = operation === 'chat' || operation === 'completion';
  if (generates && boundOutput && body.max_tokens == null && body.max_completion_tokens == null) {
    if (operation === 'chat') body.max_completion_tokens = price.outputLimitTokens;
    else body.max_tokens = price.outputLimitTokens;
  }
  const requested = body.max_completion_tokens ?? body.max_tokens;
  const maxOutput = generates ? Math.min(requested == null ? price.outputLimitTokens : Number(requested), price.outputLimitTokens) : 0;
  const images = operation === 'image' || operation === 'imageEdit' ? Number((body as { n?: number }).n ?? 1) : 0;
  // Each of n choices (best_of candidates for completions) may use the whole output bound.
  const { n, best_of: bestOf } = body as { n?: unknown; best_of?: unknown };
  const choices = generates ? Math.max(1, ...[n, bestOf].filter((v): v is number => Number.isInteger(v))) : 1;
  const prompt = promptTokenBound(body);
  return { tokens: prompt + maxOutput * choices, cost: worstCaseCost(prompt, maxOutput, images, price, multiplierBp, choices) };
}

/** The prices a request settles with; they travel with its usage record as decimal strings. */
function pricingOf(price: ModelPrice, multiplierBp: number, promptEstimate: number, discount: UsageDiscount): UsageBilling {
  const text = (v: bigint) => v.toString();
  return {
    multiplierBp, promptEstimate, discount,
    price: {
      inputPerMillion: text(price.inputPerMillion), outputPerMillion: text(price.outputPerMillion),
      cachedInputPerMillion: text(price.cachedInputPerMillion), cacheWritePerMillion: text(price.cacheWritePerMillion),
      perImage: text(price.perImage), perRequest: text(price.perRequest),
    },
  };
}

function assertModelAllowed(principal: ApiKeyPrincipal, name: string): void {
  if (principal.allowedModels && !principal.allowedModels.has(name)) {
    throw new AppException(AppErrorCode.ModelNotAllowed, `This API key is not allowed to use the model \`${name}\`.`, { param: 'model' });
  }
}

function fallbackCandidates(routes: OrgRoutes, fallbacks: string[], principal: ApiKeyPrincipal): RouteDeployment[] {
  const out: RouteDeployment[] = [];
  const seen = new Set<string>();
  const visit = (names: string[], depth: number) => {
    for (const name of names) {
      const model = routes.get(name);
      if (!model || seen.has(name) || depth > MAX_FALLBACK_DEPTH) continue;
      if (principal.allowedModels && !principal.allowedModels.has(name)) continue;
      seen.add(name);
      out.push(...orderCandidates(model, null));
      visit(model.fallbacks, depth + 1);
    }
  };
  visit(fallbacks, 1);
  return out;
}
