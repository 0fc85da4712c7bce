import { Injectable } from '@nestjs/common';
import {
  AdapterRequestError, getAdapter, type NormalizedUsage, type OperationAdapter, type ProviderTarget, type ResponseContext,
  type UpstreamError, UpstreamResponseError,
} from '@ai-router/providers';
import type { Cancellation } from '../common/cancellation';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import type { ClientReply } from '../common/http-exchange';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { GatewayMetricsService } from '../metrics/gateway-metrics.service';
import type { BodyCapture } from '../request-bodies/body-capture';
import { CircuitBreakerService } from '../router/circuit-breaker.service';
import type { RouteDeployment, RouteProviderKey } from '../router/route.types';
import { readBounded } from '../upstream/read-bounded';
import { UpstreamClient, UpstreamTransportError } from '../upstream/upstream-client';
import { relayStream } from './sse-relay';
import { malformed, providerCredentialError } from './upstream-errors';

/** Upstream error bodies are small; anything bigger is cut, never held whole. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface AttemptInput {
  orgId: string;
  deployment: RouteDeployment;
  key: RouteProviderKey;
  op: OperationAdapter<unknown>;
  body: object & { stream_options?: { include_usage?: boolean | null } | null };
  streamed: boolean;
  ctx: ResponseContext;
  reply: ClientReply;
  signal: Cancellation;
  clientSignal: Cancellation;
  startedAt: number;
  /** Response headers every answer carries (request id, routing strategy). */
  headers: Record<string, string>;
  /** Present when the org logs bodies: receives the answer the client gets. */
  capture: BodyCapture | null;
}

export type AttemptOutcome =
  /** The client has its answer (complete, or a stream that broke after its first byte). */
  | { kind: 'answered'; status: number; usage: NormalizedUsage | null; ttftMs: number | null; errorCode: string | null }
  /** Nothing reached the client: the caller may try elsewhere if `error.retryable`. */
  | { kind: 'failed'; error: UpstreamError }
  | { kind: 'client-gone'; usage: NormalizedUsage | null; ttftMs: number | null };

/**
 * One call to one deployment with one key, and the pool's reactions to what happened: 429 rests the
 * key, 401/403 disables it, 5xx and timeouts count against the deployment's breaker. Every failure is
 * counted in ai_router_upstream_errors_total.
 */
@Injectable()
export class UpstreamAttemptService {
  constructor(
    private readonly client: UpstreamClient,
    private readonly keyPool: KeyPoolService,
    private readonly breakers: CircuitBreakerService,
    private readonly metrics: GatewayMetricsService,
  ) {}

  async run(input: AttemptInput): Promise<AttemptOutcome> {
    input.capture?.reset();
    const outcome = await this.call(input);
    if (outcome.kind === 'failed') {
      // Nothing of a failed attempt reached the client, so nothing of it belongs in the body log.
      input.capture?.reset();
      this.metrics.upstreamError(input.deployment.account, outcome.error);
    } else if (outcome.kind === 'answered' && outcome.errorCode) this.metrics.upstreamError(input.deployment.account, { status: outcome.status, code: outcome.errorCode });
    return outcome;
  }

  private async call(input: AttemptInput): Promise<AttemptOutcome> {
    const { deployment, key, op, ctx, reply, streamed } = input;
    const adapter = getAdapter(deployment.account.kind);
    const target: ProviderTarget = {
      kind: deployment.account.kind, baseUrl: deployment.account.baseUrl, apiKey: key.secret, upstreamModel: deployment.upstreamModel,
      headers: deployment.account.headers, settings: deployment.account.settings, vendor: deployment.account.vendor ?? undefined,
    };
    const upstreamRequest = await buildOrReject(op, input.body, target);
    const sentAt = performance.now();

    let response;
    try {
      response = await this.client.send(upstreamRequest, input.signal);
    } catch (err) {
      if (input.clientSignal.aborted) return { kind: 'client-gone', usage: null, ttftMs: null };
      return this.failed(input, (err as UpstreamTransportError).upstream);
    }
    if (response.status >= 300) {
      const text = await readBounded(response.body, MAX_ERROR_BODY_BYTES).catch(() => '');
      const error = adapter.parseError(response.status, text, response.headers);
      if (error.status === 429) {
        await this.keyPool.cooldown(key.id, error.retryAfterSeconds);
        return { kind: 'failed', error };
      }
      if (response.status === 401 || response.status === 403) {
        await this.keyPool.disable(deployment.account, key, input.orgId, response.status);
        return { kind: 'failed', error: providerCredentialError() };
      }
      return this.failed(input, error);
    }

    const headers = { ...input.headers, 'x-ai-router-provider': deployment.account.name, 'x-ai-router-deployment': deployment.id };
    if (!streamed) {
      let transformed;
      try {
        transformed = op.transformResponse(await response.body.text(), ctx);
      } catch (err) {
        if (input.clientSignal.aborted) return { kind: 'client-gone', usage: null, ttftMs: null };
        return this.failed(input, err instanceof UpstreamResponseError ? err.error : malformed());
      }
      this.succeeded(input, sentAt, transformed.usage);
      input.capture?.respond(transformed.body);
      void reply.status(200).headers({ ...headers, 'content-type': 'application/json' }).send(transformed.body);
      return { kind: 'answered', status: 200, usage: transformed.usage, ttftMs: null, errorCode: null };
    }

    const outcome = await relayStream({
      upstream: response, transformer: op.createStreamTransformer!(ctx), raw: reply.raw, headers,
      // Taken over from Fastify only when the first byte goes out: until then errors answer normally.
      onFirstByte: () => reply.hijack(),
      includeUsage: input.body.stream_options?.include_usage === true,
      signal: input.clientSignal, clientGone: () => input.clientSignal.aborted, startedAt: input.startedAt,
      onData: input.capture ? (json) => input.capture!.frame(json) : undefined,
    });
    switch (outcome.kind) {
      case 'failed-before-first-byte':
        return this.failed(input, outcome.error);
      case 'completed':
        this.succeeded(input, sentAt, outcome.usage);
        return { kind: 'answered', status: 200, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: null };
      case 'client-gone':
        return { kind: 'client-gone', usage: outcome.usage, ttftMs: outcome.ttftMs };
      case 'failed-mid-stream':
        this.breakers.recordFailure(deployment.id);
        this.keyPool.recordFailure(key.id);
        return { kind: 'answered', status: outcome.error.status, usage: outcome.usage, ttftMs: outcome.ttftMs, errorCode: outcome.error.code ?? 'upstream_error' };
    }
  }

  private failed(input: AttemptInput, error: UpstreamError): AttemptOutcome {
    // Only the provider's own trouble counts against the deployment, not a request it rightly refused.
    if (error.status >= 500 || error.status === 408) {
      this.breakers.recordFailure(input.deployment.id);
      this.keyPool.recordFailure(input.key.id);
    }
    return { kind: 'failed', error };
  }

  private succeeded(input: AttemptInput, sentAt: number, usage: NormalizedUsage | null): void {
    this.breakers.recordSuccess(input.deployment.id);
    this.keyPool.recordSuccess(input.key.id, performance.now() - sentAt, usage ? usage.inputTokens + usage.outputTokens : 0);
  }
}

async function buildOrReject(op: OperationAdapter<unknown>, body: object, target: ProviderTarget) {
  try {
    return await op.buildRequest(body, target, { includeStreamUsage: true });
  } catch (err) {
    if (err instanceof AdapterRequestError) {
      throw new AppException(AppErrorCode.ValidationFailed, err.message, { status: err.status, param: err.param ?? null });
    }
    throw err;
  }
}
