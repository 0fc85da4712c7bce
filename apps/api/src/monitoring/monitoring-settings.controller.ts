import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type MonitoringSettingsInput, monitoringSettingsSchema, type MonitoringSettingsView } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { MonitoringSettingsService } from './monitoring-settings.service';

/** The org's SLA target and spend anomaly thresholds: members read them, admins set them. */
@ApiTags('monitoring')
@Controller('api/orgs/:orgId/monitoring/settings')
export class MonitoringSettingsController {
  constructor(private readonly settings: MonitoringSettingsService) {}

  @Get()
  @Authenticated({ permission: 'monitoring:read' })
  get(@CurrentActor() actor: OrgActor): Promise<MonitoringSettingsView> {
    return this.settings.view(actor.orgId);
  }

  @Put()
  @Authenticated({ permission: 'monitoring:write' })
  update(@CurrentActor() actor: OrgActor, @ZodBody(monitoringSettingsSchema) body: MonitoringSettingsInput): Promise<MonitoringSettingsView> {
    return this.settings.update(actor.orgId, body);
  }
}
