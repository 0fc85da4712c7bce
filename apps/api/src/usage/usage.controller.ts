import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type UsageDeadLetter, type UsageReport, usageQuerySchema } from '@ai-router/contracts';
import type { AuthUser, OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor, CurrentUser } from '../auth/authenticated.decorator';
import { assertPlatformOwner } from '../auth/platform-owner';
import { can } from '../auth/permissions';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { ApiKeyGuard, type GatewayRequest } from '../gateway/api-key.guard';
import { UsageDeadLettersService } from './usage-dead-letters.service';
import { UsageReportService } from './usage-report.service';

const queryPipe = new ZodBodyPipe(usageQuerySchema);

@ApiTags('usage')
@Controller()
export class UsageController {
  constructor(private readonly reports: UsageReportService, private readonly deadLetters: UsageDeadLettersService) {}

  /**
   * Usage analytics: the whole org for those who see every request (`requests:manage`: admins,
   * viewers); a developer's own keys otherwise, as in the request logs.
   */
  @Get('api/orgs/:orgId/usage')
  @Authenticated({ permission: 'usage:read' })
  org(@CurrentActor() actor: OrgActor, @Query() query: Record<string, string>): Promise<UsageReport> {
    const ownerId = can(actor.role, 'requests:manage') ? undefined : actor.id;
    return this.reports.report(actor.orgId, queryPipe.transform(query), ownerId);
  }

  /** A key holder's own usage, with the same API key that calls /v1. */
  @Get('v1/usage')
  @UseGuards(ApiKeyGuard)
  own(@Req() req: GatewayRequest, @Query() query: Record<string, string>): Promise<UsageReport> {
    return this.reports.report(req.principal.orgId, { ...queryPipe.transform(query), apiKeyId: req.principal.keyId });
  }

  /** Usage records the database refused, across orgs: the platform owner's, who can correct and replay them. */
  @Get('api/platform/usage-dead-letters')
  @Authenticated()
  deadLetterList(@CurrentUser() user: AuthUser): Promise<UsageDeadLetter[]> {
    assertPlatformOwner(user, 'usage dead letters');
    return this.deadLetters.list();
  }
}
