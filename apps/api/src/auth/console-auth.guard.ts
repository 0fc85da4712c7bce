import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { MembershipsService } from '../orgs/memberships.service';
import type { AuthUser, OrgActor } from './auth-user';
import { REQUIRED_PERMISSION } from './authenticated.decorator';
import { can, type Permission } from './permissions';
import { SessionsService } from './sessions.service';

const JwtGuard = AuthGuard('jwt');

/** The one place console authorisation is decided: a live session, then the permission table. */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  private readonly jwt = new JwtGuard();

  constructor(
    private readonly reflector: Reflector,
    private readonly memberships: MembershipsService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      await this.jwt.canActivate(context);
    } catch {
      throw new AppException(AppErrorCode.Unauthenticated, 'a valid access token is required');
    }
    const request = context.switchToHttp().getRequest<{ user: AuthUser; actor?: OrgActor; params: Record<string, string> }>();
    if (!(await this.sessions.isActive(request.user.sessionId))) {
      throw new AppException(AppErrorCode.Unauthenticated, 'this session has ended; sign in again');
    }
    const permission = this.reflector.getAllAndOverride<Permission | null>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const orgId = request.params.orgId ?? '';
    const role = request.user.isPlatformOwner ? 'admin' : await this.memberships.roleOf(request.user.id, orgId);
    // Not a member: as far as this caller can tell, the org does not exist.
    if (!role || (request.user.isPlatformOwner && !(await this.memberships.orgExists(orgId)))) throw AppException.notFound('org');
    // Platform owners hold every permission, including those no org role has (money in, prices).
    if (!request.user.isPlatformOwner && !can(role, permission)) {
      throw new AppException(AppErrorCode.Forbidden, `your role (${role}) does not allow ${permission}`);
    }
    request.actor = { ...request.user, orgId, role };
    return true;
  }
}
