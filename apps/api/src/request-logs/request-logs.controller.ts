import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type RequestLogDetail, type RequestLogPage, requestLogQuerySchema } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { RequestLogsService } from './request-logs.service';

const queryPipe = new ZodBodyPipe(requestLogQuerySchema);

@ApiTags('request-logs')
@Controller('api/orgs/:orgId/requests')
export class RequestLogsController {
  constructor(private readonly logs: RequestLogsService) {}

  @Get()
  @Authenticated({ permission: 'requests:read' })
  list(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<RequestLogPage> {
    return this.logs.list(actor, queryPipe.transform(query));
  }

  @Get(':requestId')
  @Authenticated({ permission: 'requests:read' })
  get(@CurrentActor() actor: OrgActor, @Param('requestId') requestId: string): Promise<RequestLogDetail> {
    return this.logs.get(actor, requestId);
  }
}
