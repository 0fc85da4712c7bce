import { Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  type ChatCompletionRequest, chatCompletionRequestSchema, type CompletionRequest, completionRequestSchema,
  type EmbeddingRequest, embeddingRequestSchema,
} from '@ai-router/contracts';
import type { FastifyReply } from 'fastify';
import { ZodBody } from '../common/zod-body.decorator';
import { ApiKeyGuard, type GatewayRequest } from './api-key.guard';
import { GatewayService } from './gateway.service';

/** The OpenAI-compatible inference surface; each route is one call into the gateway. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class InferenceController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('chat/completions')
  chat(@ZodBody(chatCompletionRequestSchema) body: ChatCompletionRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('chat', body, req.principal, req, reply);
  }

  @Post('completions')
  completion(@ZodBody(completionRequestSchema) body: CompletionRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('completion', body, req.principal, req, reply);
  }

  @Post('embeddings')
  embeddings(@ZodBody(embeddingRequestSchema) body: EmbeddingRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('embedding', body, req.principal, req, reply);
  }
}
