import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { chatCompletionRequestSchema, completionRequestSchema, embeddingRequestSchema } from '@ai-router/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { sendError } from '../common/errors/all-exceptions.filter';
import { LOGGER } from '../common/logger.module';
import { documentRoute } from '../common/openapi-routes';
import { parseBody } from '../common/zod-body.pipe';
import { ApiKeyAuthService } from '../keys/api-key-auth.service';
import type { GatewayRequest } from './api-key.guard';
import { type GatewayBody, type GatewayOperation, GatewayService } from './gateway.service';

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
 * the gateway; every error is rendered by the same sendError as the global exception filter.
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
      fastify.post(path, (request, reply) => this.handle(operation, schema, request, reply));
    }
  }

  private async handle(operation: GatewayOperation, schema: z.ZodType<GatewayBody>, request: FastifyRequest, reply: FastifyReply): Promise<void> {
    try {
      const principal = await this.auth.authenticate(request.headers.authorization, request.ip);
      (request as GatewayRequest).principal = principal;
      await this.gateway.proxy(operation, parseBody(schema, request.body), principal, request, reply);
    } catch (err) {
      sendError(request, reply, err, this.logger);
    }
  }
}
