import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { type CostAnomalyView, type CostForecast, costQuerySchema, type CostReport } from '@ai-router/contracts';
import type { OrgActor } from '../../auth/auth-user';
import { Authenticated, CurrentActor } from '../../auth/authenticated.decorator';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { CostMonitorService } from './cost-monitor.service';

const rangeQuery = new ZodBodyPipe(costQuerySchema);

/** Spend, forecast and detected anomalies; amounts are exact dollar strings. */
@ApiTags('monitoring')
@Controller('api/orgs/:orgId/cost')
export class CostController {
  constructor(private readonly cost: CostMonitorService) {}

  @Get()
  @ApiQuery({ name: 'from', required: false, description: 'ISO date-time; default 30 days before `to`' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date-time; default now' })
  @Authenticated({ permission: 'monitoring:read' })
  report(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<CostReport> {
    return this.cost.report(actor.orgId, rangeQuery.transform(query));
  }

  @Get('forecast')
  @Authenticated({ permission: 'monitoring:read' })
  forecast(@CurrentActor() actor: OrgActor): Promise<CostForecast> {
    return this.cost.forecast(actor.orgId);
  }

  @Get('anomalies')
  @ApiQuery({ name: 'from', required: false, description: 'ISO date-time; default 30 days before `to`' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date-time; default now' })
  @Authenticated({ permission: 'monitoring:read' })
  anomalies(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<CostAnomalyView[]> {
    return this.cost.anomalies(actor.orgId, rangeQuery.transform(query));
  }
}
