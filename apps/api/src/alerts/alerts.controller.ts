import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AlertEventView, type AlertRuleDetailView, type AlertRuleView, type CreateAlertRule, createAlertRuleSchema, type UpdateAlertRule,
  updateAlertRuleSchema,
} from '@ai-router/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { parseListQuery } from '../notifications/list-query';
import { AlertHistoryService } from './alert-history.service';
import { AlertRulesService } from './alert-rules.service';

/** Alert rules and their firing history; members read, `org:manage` changes rules. */
@ApiTags('alerts')
@Controller('api/orgs/:orgId')
export class AlertsController {
  constructor(private readonly rules: AlertRulesService, private readonly history: AlertHistoryService) {}

  @Get('alert-rules')
  @Authenticated({ permission: 'org:read' })
  list(@Param('orgId') orgId: string): Promise<AlertRuleView[]> {
    return this.rules.list(orgId);
  }

  /** The rule with its firings, newest first (`limit`, `before` page through them). */
  @Get('alert-rules/:id')
  @Authenticated({ permission: 'org:read' })
  get(@Param('orgId') orgId: string, @Param('id') id: string, @Query('limit') limit?: string, @Query('before') before?: string): Promise<AlertRuleDetailView> {
    return this.history.detail(orgId, id, parseListQuery(limit, before));
  }

  @Post('alert-rules')
  @Authenticated({ permission: 'org:manage' })
  create(@Param('orgId') orgId: string, @ZodBody(createAlertRuleSchema) body: CreateAlertRule): Promise<AlertRuleView> {
    return this.rules.create(orgId, body);
  }

  @Patch('alert-rules/:id')
  @Authenticated({ permission: 'org:manage' })
  update(@Param('orgId') orgId: string, @Param('id') id: string, @ZodBody(updateAlertRuleSchema) body: UpdateAlertRule): Promise<AlertRuleView> {
    return this.rules.update(orgId, id, body);
  }

  @Delete('alert-rules/:id')
  @HttpCode(204)
  @Authenticated({ permission: 'org:manage' })
  remove(@Param('orgId') orgId: string, @Param('id') id: string): Promise<void> {
    return this.rules.remove(orgId, id);
  }

  /** Firings of every rule, newest first; `state=firing` for what is on fire now. */
  @Get('alerts')
  @Authenticated({ permission: 'org:read' })
  alerts(
    @Param('orgId') orgId: string, @Query('ruleId') ruleId?: string, @Query('state') state?: string,
    @Query('limit') limit?: string, @Query('before') before?: string,
  ): Promise<AlertEventView[]> {
    return this.history.list(orgId, { ruleId, state, ...parseListQuery(limit, before) });
  }
}
