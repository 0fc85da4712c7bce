import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginRequest, LoginResponse, MeResponse } from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OrgsService } from '../orgs/orgs.service';
import { UsersService } from '../users/users.service';
import type { AuthUser, JwtPayload } from './auth-user';
import { verifyPassword } from './password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly orgs: OrgsService,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(input: LoginRequest): Promise<LoginResponse> {
    const user = await this.users.findForLogin(input.email);
    // Same answer for unknown email and wrong password: no account enumeration.
    if (!user || !(await verifyPassword(user.passwordHash, input.password))) {
      throw new AppException(AppErrorCode.InvalidCredentials, 'invalid email or password');
    }
    const payload: JwtPayload = { sub: user.id, email: user.email, owner: user.isPlatformOwner };
    const accessToken = await this.jwt.signAsync(payload, { expiresIn: this.config.JWT_TTL_SECONDS });
    return { accessToken, expiresIn: this.config.JWT_TTL_SECONDS, user: { id: user.id, email: user.email, name: user.name } };
  }

  async me(auth: AuthUser): Promise<MeResponse> {
    const user = await this.users.findById(auth.id);
    if (!user) throw new AppException(AppErrorCode.Unauthenticated, 'the account no longer exists');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      isPlatformOwner: user.isPlatformOwner,
      orgs: await this.orgs.listFor(auth),
    };
  }
}
