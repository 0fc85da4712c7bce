import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  type RunSlaReports, runSlaReportsSchema, type RunSlaReportsResult, SLA_PERIODS, SLA_SUBJECT_KINDS, SLA_WINDOWS, slaQuerySchema,
  type SlaReportView, slaReportQuerySchema, type SlaView,
} from '@ai-router/contracts';
import type { OrgActor } from '../../auth/auth-user';
import { Authenticated, CurrentActor } from '../../auth/authenticated.decorator';
import { ZodBody } from '../../common/zod-body.decorator';
import { ZodBodyPipe } from '../../common/zod-body.pipe';
import { SlaReportsService } from './sla-reports.service';
import { SlaService } from './sla.service';

const windowQuery = new ZodBodyPipe(slaQuerySchema);
const reportQuery = new ZodBodyPipe(slaReportQuerySchema);

/** Members with monitoring:read see service levels and reports; issuing a period on demand is the platform owner's. */
@ApiTags('monitoring')
@Controller('api/orgs/:orgId/sla')
export class SlaController {
  constructor(private readonly sla: SlaService, private readonly reports: SlaReportsService) {}

  @Get()
  @ApiQuery({ name: 'window', enum: SLA_WINDOWS, required: false })
  @Authenticated({ permission: 'monitoring:read' })
  window(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<SlaView> {
    return this.sla.window(actor.orgId, windowQuery.transform(query).window);
  }

  @Get('reports')
  @ApiQuery({ name: 'period', enum: SLA_PERIODS, required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO date-time; default 31 days before `to`' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO date-time; default now' })
  @ApiQuery({ name: 'subjectKind', enum: SLA_SUBJECT_KINDS, required: false })
  @Authenticated({ permission: 'monitoring:read' })
  list(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<SlaReportView[]> {
    return this.reports.list(actor.orgId, reportQuery.transform(query));
  }

  @Post('reports/run')
  @HttpCode(200)
  @Authenticated({ permission: 'monitoring:manage' })
  run(@CurrentActor() actor: OrgActor, @ZodBody(runSlaReportsSchema) body: RunSlaReports): Promise<RunSlaReportsResult> {
    return this.reports.issue(actor.orgId, body.period, new Date(body.periodStart));
  }
}
