import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import type { OrgRole } from '../orgs/membership.entity';
import { MembershipsService } from '../orgs/memberships.service';
import type { AuthUser } from './auth-user';
import { REQUIRED_ROLE } from './authenticated.decorator';
import { roleSatisfies } from './roles';

const JwtGuard = AuthGuard('jwt');

/** The one place console authorisation is decided: a valid session, then the org role the route asks for. */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  private readonly jwt = new JwtGuard();

  constructor(private readonly reflector: Reflector, private readonly memberships: MembershipsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    try {
      await this.jwt.canActivate(context);
    } catch {
      throw new AppException(AppErrorCode.Unauthenticated, 'a valid access token is required');
    }
    const required = this.reflector.get<OrgRole | null>(REQUIRED_ROLE, context.getHandler()) ??
      this.reflector.get<OrgRole | null>(REQUIRED_ROLE, context.getClass());
    if (!required) return true;
    const request = context.switchToHttp().getRequest<{ user: AuthUser; params: Record<string, string> }>();
    const orgId = request.params.orgId;
    if (request.user.isPlatformOwner) return true;
    const role = orgId ? await this.memberships.roleOf(request.user.id, orgId) : null;
    // Not a member: the org does not exist as far as this caller can tell.
    if (!role) throw AppException.notFound('org');
    if (!roleSatisfies(role, required)) {
      throw new AppException(AppErrorCode.Forbidden, `requires the ${required} role in this org`);
    }
    return true;
  }
}
