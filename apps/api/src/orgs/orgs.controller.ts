import { Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ChangeRole, changeRoleSchema, type CreateOrg, createOrgSchema, type MemberView, type OrgView, type UpdateOrg, updateOrgSchema,
} from '@ai-router/contracts';
import type { AuthUser, OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor, CurrentUser } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { OrgsService } from './orgs.service';

@ApiTags('orgs')
@Controller('api/orgs')
export class OrgsController {
  constructor(private readonly orgs: OrgsService) {}

  @Post()
  @Authenticated()
  create(@CurrentUser() user: AuthUser, @ZodBody(createOrgSchema) body: CreateOrg): Promise<OrgView> {
    return this.orgs.createFor(user, body);
  }

  @Get(':orgId')
  @Authenticated({ permission: 'org:read' })
  get(@CurrentActor() actor: OrgActor): Promise<OrgView> {
    return this.orgs.get(actor);
  }

  @Patch(':orgId')
  @Authenticated({ permission: 'org:manage' })
  update(@CurrentActor() actor: OrgActor, @ZodBody(updateOrgSchema) body: UpdateOrg): Promise<OrgView> {
    return this.orgs.update(actor, body);
  }

  @Get(':orgId/members')
  @Authenticated({ permission: 'members:read' })
  members(@CurrentActor() actor: OrgActor): Promise<MemberView[]> {
    return this.orgs.members(actor);
  }

  @Patch(':orgId/members/:userId')
  @Authenticated({ permission: 'members:manage' })
  changeRole(@CurrentActor() actor: OrgActor, @Param('userId') userId: string, @ZodBody(changeRoleSchema) body: ChangeRole): Promise<MemberView> {
    return this.orgs.changeRole(actor, userId, body);
  }

  @Delete(':orgId/members/:userId')
  @HttpCode(204)
  @Authenticated({ permission: 'members:delete' })
  remove(@CurrentActor() actor: OrgActor, @Param('userId') userId: string): Promise<void> {
    return this.orgs.removeMember(actor, userId);
  }
}
