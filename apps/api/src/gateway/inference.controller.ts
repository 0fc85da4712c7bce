import { Body, Controller, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  type ChatCompletionRequest, chatCompletionRequestSchema, type CompletionRequest, completionRequestSchema,
  type EmbeddingRequest, embeddingRequestSchema,
} from '@ai-router/contracts';
import type { FastifyReply } from 'fastify';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ApiKeyGuard, type GatewayRequest } from './api-key.guard';
import { GatewayService } from './gateway.service';

/** The OpenAI-compatible inference surface; each route is one call into the gateway. */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class InferenceController {
  constructor(private readonly gateway: GatewayService) {}

  @Post('chat/completions')
  chat(@Body(new ZodBodyPipe(chatCompletionRequestSchema)) body: ChatCompletionRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('chat', body, req.principal, req, reply);
  }

  @Post('completions')
  completion(@Body(new ZodBodyPipe(completionRequestSchema)) body: CompletionRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('completion', body, req.principal, req, reply);
  }

  @Post('embeddings')
  embeddings(@Body(new ZodBodyPipe(embeddingRequestSchema)) body: EmbeddingRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('embedding', body, req.principal, req, reply);
  }
}
