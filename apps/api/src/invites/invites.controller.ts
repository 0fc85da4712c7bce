import { Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type AcceptedInvite, type AcceptInvite, acceptInviteSchema, type CreatedInvite, type CreateInvite, createInviteSchema,
  type InviteView, type TokenPair,
} from '@ai-router/contracts';
import type { FastifyRequest } from 'fastify';
import { clientInfo } from '../auth/auth.controller';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { InvitesService } from './invites.service';

@ApiTags('invites')
@Controller('api')
export class InvitesController {
  constructor(private readonly invites: InvitesService) {}

  @Post('orgs/:orgId/invites')
  @Authenticated({ permission: 'invites:write' })
  create(@CurrentActor() actor: OrgActor, @ZodBody(createInviteSchema) body: CreateInvite): Promise<CreatedInvite> {
    return this.invites.create(actor, body);
  }

  @Get('orgs/:orgId/invites')
  @Authenticated({ permission: 'invites:read' })
  list(@CurrentActor() actor: OrgActor): Promise<InviteView[]> {
    return this.invites.listPending(actor);
  }

  @Delete('orgs/:orgId/invites/:id')
  @HttpCode(204)
  @Authenticated({ permission: 'invites:delete' })
  revoke(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<void> {
    return this.invites.revoke(actor, id);
  }

  /** Public: the token is the credential. */
  @Post('invites/accept')
  @HttpCode(200)
  accept(@ZodBody(acceptInviteSchema) body: AcceptInvite, @Req() req: FastifyRequest): Promise<AcceptedInvite & Partial<TokenPair>> {
    return this.invites.accept(body, clientInfo(req));
  }
}
