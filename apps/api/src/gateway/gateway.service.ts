import { Inject, Injectable } from '@nestjs/common';
import { getAdapter, type OperationAdapter, type ResponseContext, type UpstreamError } from '@ai-router/providers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ApiKeyPrincipal } from '../keys/api-key-auth.service';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { CircuitBreakerService } from '../router/circuit-breaker.service';
import { orderCandidates, parseModelRef } from '../router/deployment-selector';
import type { OrgRoutes, RouteDeployment } from '../router/route.types';
import { RoutingSnapshotService } from '../router/routing-snapshot.service';
import { UsageRecorderService } from '../usage/usage-recorder.service';
import type { UsageRecord } from '../usage/usage-record';
import { backoffDelayMs, sleep } from './retry-backoff';
import { UpstreamAttemptService } from './upstream-attempt.service';
import { allKeysResting, unsupported, upstreamException } from './upstream-errors';

export type GatewayOperation = 'chat' | 'completion' | 'embedding' | 'image' | 'imageEdit';

export interface GatewayBody {
  model: string;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  encoding_format?: string;
}

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
    private readonly usage: UsageRecorderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async proxy(operation: GatewayOperation, body: GatewayBody, principal: ApiKeyPrincipal, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const requestId = String(request.id);
    const { modelName, candidates } = await this.plan(body.model, principal);
    const streamed = body.stream === true;
    const clientAbort = new AbortController();
    const onClose = () => {
      if (!reply.raw.writableFinished) clientAbort.abort();
    };
    reply.raw.on('close', onClose);
    const signal = AbortSignal.any([clientAbort.signal, AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS)]);
    const ctx: ResponseContext = {
      requestModel: body.model, requestId, created: Math.floor(Date.now() / 1000),
      encodingFormat: body.encoding_format === 'base64' ? 'base64' : 'float',
    };
    let lastDeployment: RouteDeployment | null = null;
    const finish = (record: Pick<UsageRecord, 'status' | 'usage' | 'ttftMs' | 'errorCode'>) =>
      this.usage.record({
        requestId, orgId: principal.orgId, apiKeyId: principal.keyId, model: modelName, operation, streamed, ...record,
        deploymentId: lastDeployment?.id ?? null, providerAccountId: lastDeployment?.account.id ?? null,
        latencyMs: Math.round(performance.now() - startedAt),
      });

    let lastError: UpstreamError | null = null;
    let made = 0;
    try {
      for (let round = 0; made < this.config.UPSTREAM_MAX_ATTEMPTS && !signal.aborted; round++) {
        if (round > 0) await sleep(backoffDelayMs(round - 1), signal);
        let triedThisRound = false;
        for (const deployment of candidates) {
          if (made >= this.config.UPSTREAM_MAX_ATTEMPTS || signal.aborted) break;
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
          const outcome = await this.attempts.run({
            orgId: principal.orgId, deployment, key, op, body, streamed, ctx, reply, signal, clientSignal: clientAbort.signal, startedAt, requestId,
          });
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
      if (clientAbort.signal.aborted) return finish({ status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
    } catch (err) {
      if (clientAbort.signal.aborted) return finish({ status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
      const appError = err instanceof AppException ? err : null;
      finish({ status: appError?.status ?? 500, usage: null, ttftMs: null, errorCode: appError?.code ?? 'internal_error' });
      throw err;
    } finally {
      reply.raw.off('close', onClose);
    }
    const error = signal.aborted && !lastError
      ? new AppException(AppErrorCode.UpstreamTimeout, 'The upstream providers did not answer in time.')
      : upstreamException(lastError);
    finish({ status: error.status, usage: null, ttftMs: null, errorCode: lastError?.code ?? error.code });
    throw error;
  }

  /** The deployments to try, in order: the model's own, then each fallback model's, as the key allows. */
  private async plan(modelRef: string, principal: ApiKeyPrincipal): Promise<{ modelName: string; candidates: RouteDeployment[] }> {
    const { model: name, pin } = parseModelRef(modelRef);
    assertModelAllowed(principal, name);
    const routes = await this.snapshot.routesFor(principal.orgId);
    const model = routes.get(name);
    if (!model) {
      throw new AppException(AppErrorCode.ModelNotFound, `The model \`${modelRef}\` does not exist or you do not have access to it.`, { param: 'model' });
    }
    const providerAllowed = (d: RouteDeployment) =>
      !principal.allowedProviders || principal.allowedProviders.has(d.account.name) || principal.allowedProviders.has(d.account.kind);
    const candidates = orderCandidates(model, pin).filter(providerAllowed);
    // A pinned provider means exactly that provider: no fallback to other models.
    if (!pin) candidates.push(...fallbackCandidates(routes, model.fallbacks, principal).filter(providerAllowed));
    if (!candidates.length) {
      throw new AppException(AppErrorCode.NoDeploymentAvailable, `No provider is available for the model \`${modelRef}\`.`);
    }
    return { modelName: name, candidates };
  }
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
