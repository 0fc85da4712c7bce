import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ChangePassword, changePasswordSchema, type LoginRequest, loginRequestSchema, type LoginResponse, type MeResponse,
  type RefreshRequest, refreshRequestSchema, type TokenPair,
} from '@ai-router/contracts';
import type { FastifyRequest } from 'fastify';
import { ZodBody } from '../common/zod-body.decorator';
import type { AuthUser } from './auth-user';
import { AuthService, type ClientInfo } from './auth.service';
import { Authenticated, CurrentUser } from './authenticated.decorator';

export const clientInfo = (req: FastifyRequest): ClientInfo => ({ ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@ZodBody(loginRequestSchema) body: LoginRequest, @Req() req: FastifyRequest): Promise<LoginResponse> {
    return this.auth.login(body, clientInfo(req));
  }

  @Post('refresh')
  @HttpCode(200)
  refresh(@ZodBody(refreshRequestSchema) body: RefreshRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @Authenticated()
  logout(@CurrentUser() user: AuthUser): Promise<void> {
    return this.auth.logout(user);
  }

  @Post('password')
  @HttpCode(204)
  @Authenticated()
  changePassword(@CurrentUser() user: AuthUser, @ZodBody(changePasswordSchema) body: ChangePassword): Promise<void> {
    return this.auth.changePassword(user, body);
  }

  @Get('me')
  @Authenticated()
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }
}
