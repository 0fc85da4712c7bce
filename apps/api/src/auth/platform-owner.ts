import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import type { AuthUser } from './auth-user';

/** Installation-wide routes (no org in the path) are the platform owner's alone. */
export function assertPlatformOwner(user: AuthUser, what: string): void {
  if (!user.isPlatformOwner) throw new AppException(AppErrorCode.Forbidden, `only the platform owner manages ${what}`);
}
