import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('api/orgs/:orgId/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ permission: 'audit:read' })
  list(@CurrentActor() actor: OrgActor, @Query('limit') limit = '50', @Query('before') before?: string): Promise<AuditEntryView[]> {
    return this.audit.list(actor, Number(limit) || 50, before);
  }
}
