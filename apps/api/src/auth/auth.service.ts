import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ChangePassword, LoginRequest, LoginResponse, MeResponse, TokenPair } from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OrgsService } from '../orgs/orgs.service';
import type { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import type { AuthUser, JwtPayload } from './auth-user';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './password';
import { SessionsService } from './sessions.service';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly orgs: OrgsService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(input: LoginRequest, client: ClientInfo): Promise<LoginResponse> {
    const ip = client.ip ?? 'unknown';
    await this.throttle.assertAllowed(input.email, ip);
    const user = await this.users.findForLogin(input.email);
    // Same answer for unknown email and wrong password: no account enumeration.
    if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
      await this.throttle.recordFailure(input.email, ip);
      throw new AppException(AppErrorCode.InvalidCredentials, 'invalid email or password');
    }
    await this.throttle.recordSuccess(input.email);
    return { ...(await this.startSession(user, client)), user: { id: user.id, email: user.email, name: user.name } };
  }

  /** Signs a user in without a password (right after they set one, e.g. accepting an invite). */
  async startSession(user: User, client: ClientInfo): Promise<TokenPair> {
    const { session, refreshToken } = await this.sessions.create(user.id, client.ip, client.userAgent);
    return { accessToken: await this.accessToken(user, session.id), expiresIn: this.config.JWT_TTL_SECONDS, refreshToken };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.sessions.rotate(refreshToken);
    const user = rotated && (await this.users.findById(rotated.session.userId));
    if (!rotated || !user) throw new AppException(AppErrorCode.Unauthenticated, 'the refresh token is not valid; sign in again');
    return { accessToken: await this.accessToken(user, rotated.session.id), expiresIn: this.config.JWT_TTL_SECONDS, refreshToken: rotated.refreshToken };
  }

  logout(auth: AuthUser): Promise<void> {
    return this.sessions.revoke(auth.sessionId);
  }

  async changePassword(auth: AuthUser, input: ChangePassword): Promise<void> {
    const user = await this.users.findForLogin(auth.email);
    if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppException(AppErrorCode.InvalidCredentials, 'the current password is not correct', { param: 'currentPassword' });
    }
    await this.users.setPassword(user.id, input.newPassword);
    // Anyone holding another session with the old password is signed out.
    await this.sessions.revokeOthers(user.id, auth.sessionId);
  }

  async me(auth: AuthUser): Promise<MeResponse> {
    const user = await this.users.findById(auth.id);
    if (!user) throw new AppException(AppErrorCode.Unauthenticated, 'the account no longer exists');
    return { id: user.id, email: user.email, name: user.name, isPlatformOwner: user.isPlatformOwner, orgs: await this.orgs.listFor(auth) };
  }

  private accessToken(user: User, sessionId: string): Promise<string> {
    const payload: JwtPayload = { sub: user.id, email: user.email, owner: user.isPlatformOwner, sid: sessionId };
    return this.jwt.signAsync(payload, { expiresIn: this.config.JWT_TTL_SECONDS });
  }
}
