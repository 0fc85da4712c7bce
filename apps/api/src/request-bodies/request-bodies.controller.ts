import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { RequestBodyView } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { RequestBodiesService } from './request-bodies.service';

@ApiTags('request-bodies')
@Controller('api/orgs/:orgId/requests')
export class RequestBodiesController {
  constructor(private readonly bodies: RequestBodiesService) {}

  /** The stored (masked) request and response of one request, when the org logs bodies. */
  @Get(':requestId/body')
  @Authenticated({ permission: 'requestBodies:read' })
  body(@CurrentActor() actor: OrgActor, @Param('requestId') requestId: string): Promise<RequestBodyView> {
    return this.bodies.get(actor, requestId);
  }
}
