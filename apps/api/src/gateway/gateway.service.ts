import { Inject, Injectable } from '@nestjs/common';
import {
  AdapterRequestError, getAdapter, type OperationAdapter, type ProviderTarget, type ResponseContext, type UpstreamError,
  UpstreamResponseError,
} from '@ai-router/providers';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { ApiKeyPrincipal } from '../keys/api-key-auth.service';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { orderCandidates, parseModelRef } from '../router/deployment-selector';
import type { RouteDeployment } from '../router/route.types';
import { RoutingSnapshotService } from '../router/routing-snapshot.service';
import { UsageRecorderService } from '../usage/usage-recorder.service';
import type { UsageRecord } from '../usage/usage-record';
import { relayStream } from './sse-relay';
import { readBounded } from '../upstream/read-bounded';
import { UpstreamClient, UpstreamTransportError } from '../upstream/upstream-client';

export type GatewayOperation = 'chat' | 'completion' | 'embedding' | 'image' | 'imageEdit';

export interface GatewayBody {
  model: string;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean | null } | null;
  encoding_format?: string;
}

/** Upstream error bodies are small; anything bigger is cut, never held whole. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** One request through the gateway: resolve the model, try deployments in order, answer, record usage. */
@Injectable()
export class GatewayService {
  constructor(
    private readonly snapshot: RoutingSnapshotService,
    private readonly keyPool: KeyPoolService,
    private readonly client: UpstreamClient,
    private readonly usage: UsageRecorderService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async proxy(operation: GatewayOperation, body: GatewayBody, principal: ApiKeyPrincipal, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const startedAt = performance.now();
    const requestId = String(request.id);
    const { modelName, candidates } = await this.candidates(body.model, principal);
    const streamed = body.stream === true;
    const abort = new AbortController();
    const clientGone = () => abort.signal.aborted;
    const onClose = () => {
      if (!reply.raw.writableFinished) abort.abort();
    };
    reply.raw.on('close', onClose);
    const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(this.config.UPSTREAM_TIMEOUT_MS)]);
    const ctx: ResponseContext = {
      requestModel: body.model, requestId, created: Math.floor(Date.now() / 1000),
      encodingFormat: body.encoding_format === 'base64' ? 'base64' : 'float',
    };
    const base = { requestId, orgId: principal.orgId, apiKeyId: principal.keyId, model: modelName, operation, streamed };
    const finish = (deployment: RouteDeployment | null, record: Pick<UsageRecord, 'status' | 'usage' | 'ttftMs' | 'errorCode'>) =>
      this.usage.record({
        ...base, ...record, deploymentId: deployment?.id ?? null, providerAccountId: deployment?.account.id ?? null,
        latencyMs: Math.round(performance.now() - startedAt),
      });

    let lastError: UpstreamError | null = null;
    let lastDeployment: RouteDeployment | null = null;
    try {
      for (const deployment of candidates) {
        lastDeployment = deployment;
        const adapter = getAdapter(deployment.account.kind);
        const op = adapter[operation] as OperationAdapter<unknown> | undefined;
        if (!op || (streamed && !op.createStreamTransformer)) {
          lastError = unsupported(operation, streamed);
          continue;
        }
        const key = this.keyPool.pick(deployment.account);
        const target: ProviderTarget = {
          kind: deployment.account.kind, baseUrl: deployment.account.baseUrl, apiKey: key.secret,
          upstreamModel: deployment.upstreamModel, headers: deployment.account.headers,
          settings: deployment.account.settings, vendor: deployment.account.vendor ?? undefined,
        };
        const upstreamRequest = await buildOrReject(op, body, target);

        let response;
        try {
          response = await this.client.send(upstreamRequest, signal);
        } catch (err) {
          if (clientGone()) return finish(deployment, { status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
          lastError = (err as UpstreamTransportError).upstream;
          if (lastError.retryable) continue;
          break;
        }
        if (response.status >= 300) {
          const text = await readBounded(response.body, MAX_ERROR_BODY_BYTES).catch(() => '');
          lastError = providerCredentialError(adapter.parseError(response.status, text, response.headers));
          if (lastError.retryable) continue;
          break;
        }

        const headers = {
          'x-request-id': requestId,
          'x-ai-router-provider': deployment.account.name,
          'x-ai-router-deployment': deployment.id,
        };
        if (!streamed) {
          const text = await response.body.text();
          let transformed;
          try {
            transformed = op.transformResponse(text, ctx);
          } catch (err) {
            lastError = err instanceof UpstreamResponseError ? err.error : malformed();
            continue;
          }
          void reply.status(200).headers({ ...headers, 'content-type': 'application/json' }).send(transformed.body);
          return finish(deployment, { status: 200, usage: transformed.usage, ttftMs: null, errorCode: null });
        }

        const outcome = await relayStream({
          upstream: response, transformer: op.createStreamTransformer!(ctx), raw: reply.raw, headers,
          // Taken over from Fastify only when the first byte goes out: until then errors answer normally.
          onFirstByte: () => reply.hijack(),
          includeUsage: body.stream_options?.include_usage === true, signal: abort.signal, clientGone, startedAt,
        });
        if (outcome.kind === 'failed-before-first-byte') {
          lastError = outcome.error;
          if (lastError.retryable) continue;
          break;
        }
        if (outcome.kind === 'completed') return finish(deployment, { status: 200, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: null });
        if (outcome.kind === 'client-gone') return finish(deployment, { status: 499, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: 'client_closed' });
        return finish(deployment, { status: outcome.error.status, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: outcome.error.code ?? 'upstream_error' });
      }
    } catch (err) {
      if (clientGone()) return finish(lastDeployment, { status: 499, usage: null, ttftMs: null, errorCode: 'client_closed' });
      const appError = err instanceof AppException ? err : null;
      finish(lastDeployment, { status: appError?.status ?? 500, usage: null, ttftMs: null, errorCode: appError?.code ?? 'internal_error' });
      throw err;
    } finally {
      reply.raw.off('close', onClose);
    }

    const error = upstreamException(lastError);
    finish(lastDeployment, { status: error.status, usage: null, ttftMs: null, errorCode: lastError?.code ?? error.code });
    throw error;
  }

  private async candidates(modelRef: string, principal: ApiKeyPrincipal): Promise<{ modelName: string; candidates: RouteDeployment[] }> {
    const { model: name, pin } = parseModelRef(modelRef);
    if (principal.allowedModels && !principal.allowedModels.has(name)) {
      throw new AppException(AppErrorCode.ModelNotAllowed, `This API key is not allowed to use the model \`${name}\`.`, { param: 'model' });
    }
    const model = (await this.snapshot.routesFor(principal.orgId)).get(name);
    if (!model) {
      throw new AppException(AppErrorCode.ModelNotFound, `The model \`${modelRef}\` does not exist or you do not have access to it.`, { param: 'model' });
    }
    const allowed = principal.allowedProviders;
    const candidates = orderCandidates(model, pin)
      .filter((d) => !allowed || allowed.has(d.account.name) || allowed.has(d.account.kind))
      .slice(0, this.config.UPSTREAM_MAX_ATTEMPTS);
    if (!candidates.length) {
      throw new AppException(AppErrorCode.NoDeploymentAvailable, `No provider is available for the model \`${modelRef}\`.`);
    }
    return { modelName: name, candidates };
  }
}

async function buildOrReject(op: OperationAdapter<unknown>, body: GatewayBody, target: ProviderTarget) {
  try {
    return await op.buildRequest(body, target, { includeStreamUsage: true });
  } catch (err) {
    if (err instanceof AdapterRequestError) {
      throw new AppException(AppErrorCode.ValidationFailed, err.message, { status: err.status, param: err.param ?? null });
    }
    throw err;
  }
}

function unsupported(operation: GatewayOperation, streamed: boolean): UpstreamError {
  return {
    status: 400, type: 'invalid_request_error', code: 'unsupported_operation', param: streamed ? 'stream' : null, retryable: true,
    message: `No provider of this model supports ${streamed ? 'streaming ' : ''}${operation} requests.`,
  };
}

/**
 * An upstream 401/403 is the gateway's credential problem, not the client's: answering 401 would make
 * SDKs blame the caller's key. Another deployment may still serve.
 */
function providerCredentialError(error: UpstreamError): UpstreamError {
  if (error.status !== 401 && error.status !== 403) return error;
  return {
    status: 502, type: 'api_error', code: 'upstream_auth_failed', param: null, retryable: true,
    message: 'The provider rejected the gateway\'s credentials for this deployment.',
  };
}

function malformed(): UpstreamError {
  return { status: 502, type: 'api_error', code: 'upstream_malformed_response', param: null, message: 'The upstream provider sent a malformed response.', retryable: true };
}

function upstreamException(error: UpstreamError | null): AppException {
  if (!error) return new AppException(AppErrorCode.NoDeploymentAvailable, 'No provider could serve this request.');
  const code = error.status === 504 ? AppErrorCode.UpstreamTimeout : error.status >= 500 ? AppErrorCode.UpstreamError : AppErrorCode.ValidationFailed;
  return new AppException(code, error.message, {
    status: error.status, param: error.param, openaiType: error.type, openaiCode: error.code, retryAfterSeconds: error.retryAfterSeconds,
  });
}
