import { Controller, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { imageEditRequestSchema, type ImageGenerationRequest, imageGenerationRequestSchema } from '@ai-router/contracts';
import type { FastifyReply } from 'fastify';
import { ZodBody } from '../common/zod-body.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ApiKeyGuard, type GatewayRequest } from './api-key.guard';
import { GatewayService } from './gateway.service';
import { readImageEditForm } from './image-edit-form';

const imageEditPipe = new ZodBodyPipe(imageEditRequestSchema);

@Controller('v1/images')
@UseGuards(ApiKeyGuard)
export class ImagesController {
  constructor(private readonly gateway: GatewayService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Post('generations')
  generate(@ZodBody(imageGenerationRequestSchema) body: ImageGenerationRequest, @Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    return this.gateway.proxy('image', body, req.principal, req, reply);
  }

  @Post('edits')
  async edit(@Req() req: GatewayRequest, @Res() reply: FastifyReply): Promise<void> {
    const body = imageEditPipe.transform(await readImageEditForm(req, this.config.BODY_LIMIT_BYTES));
    return this.gateway.proxy('imageEdit', body, req.principal, req, reply);
  }
}
