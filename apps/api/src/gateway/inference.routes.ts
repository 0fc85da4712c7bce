import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { chatCompletionRequestSchema, completionRequestSchema, embeddingRequestSchema } from '@ai-router/contracts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { sendError } from '../common/errors/all-exceptions.filter';
import type { ClientReply, ClientRequest } from '../common/http-exchange';
import { LOGGER } from '../common/logger.module';
import { documentRoute } from '../common/openapi-routes';
import { parseBody } from '../common/zod-body.pipe';
import { ApiKeyAuthService } from '../keys/api-key-auth.service';
import { type GatewayBody, type GatewayOperation, GatewayService } from './gateway.service';
import type { FastRoute } from './inference-fast-path';

const ROUTES: { path: string; operation: GatewayOperation; schema: z.ZodType<GatewayBody> }[] = [
  { path: '/v1/chat/completions', operation: 'chat', schema: chatCompletionRequestSchema },
  { path: '/v1/completions', operation: 'completion', schema: completionRequestSchema },
  { path: '/v1/embeddings', operation: 'embedding', schema: embeddingRequestSchema },
];
for (const route of ROUTES) documentRoute('post', route.path, route.schema, `OpenAI-compatible ${route.operation} (API key bearer)`);

/**
 * The OpenAI-compatible JSON inference surface, served as plain Fastify routes: these carry nearly all
 * traffic, and Nest's per-request guard, pipe and interceptor layers (rxjs, async-context binds) cost
 * more CPU than the gateway's own work. The steps are the same: API key, then body validation, then
 * the gateway; every error is rendered by the same sendError as the global exception filter. Real
 * traffic mostly reaches them through InferenceFastPath, which skips Fastify's per-request layer too.
 */
@Injectable()
export class InferenceRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly auth: ApiKeyAuthService,
    private readonly gateway: GatewayService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    // The worker builds the modules without an HTTP server.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    for (const { path, operation, schema } of ROUTES) {
      fastify.post(path, (request, reply) => this.handle(operation, schema, request, reply, request.body));
    }
  }

  /** The same routes for the fast path in front of Fastify (InferenceFastPath), by path. */
  fastRoutes(): Map<string, FastRoute> {
    return new Map(ROUTES.map(({ path, operation, schema }) => [path, {
      run: (request, reply, body) => this.handle(operation, schema, request, reply, body),
      // A body that is not JSON is refused before the key is checked, as Fastify's parser does.
      fail: (request, reply, error) => sendError(request, reply, error, this.logger),
    }]));
  }

  private async handle(operation: GatewayOperation, schema: z.ZodType<GatewayBody>, request: ClientRequest, reply: ClientReply, body: unknown): Promise<void> {
    try {
      const principal = await this.auth.authenticate(request.headers.authorization, request.ip);
      await this.gateway.proxy(operation, parseBody(schema, body), principal, request, reply);
    } catch (err) {
      sendError(request, reply, err, this.logger);
    }
  }
}
