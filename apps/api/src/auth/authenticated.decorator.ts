import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { AuthUser, OrgActor } from './auth-user';
import { ConsoleAuthGuard } from './console-auth.guard';
import type { Permission } from './permissions';

export const REQUIRED_PERMISSION = 'requiredPermission';

/**
 * Requires a live console session; with `permission`, also a membership in the route's `:orgId` whose
 * role grants it (platform owners act as admins everywhere).
 */
export function Authenticated(options: { permission?: Permission } = {}) {
  return applyDecorators(SetMetadata(REQUIRED_PERMISSION, options.permission ?? null), UseGuards(ConsoleAuthGuard), ApiBearerAuth());
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** The caller with the org and role the guard resolved; only on routes with a permission. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): OrgActor => {
  return ctx.switchToHttp().getRequest<{ actor: OrgActor }>().actor;
});
