import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import type { OrgRole } from '../orgs/membership.entity';
import type { AuthUser } from './auth-user';
import { ConsoleAuthGuard } from './console-auth.guard';

export const REQUIRED_ROLE = 'requiredOrgRole';

/**
 * Requires a console session; with `role`, also a membership of at least that role in the org named
 * by the route's `:orgId` (platform owners pass everywhere).
 */
export function Authenticated(options: { role?: OrgRole } = {}) {
  return applyDecorators(SetMetadata(REQUIRED_ROLE, options.role ?? null), UseGuards(ConsoleAuthGuard));
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
