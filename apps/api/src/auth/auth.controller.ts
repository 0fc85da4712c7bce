import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { type LoginRequest, loginRequestSchema, type LoginResponse, type MeResponse } from '@ai-router/contracts';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import type { AuthUser } from './auth-user';
import { AuthService } from './auth.service';
import { Authenticated, CurrentUser } from './authenticated.decorator';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  login(@Body(new ZodBodyPipe(loginRequestSchema)) body: LoginRequest): Promise<LoginResponse> {
    return this.auth.login(body);
  }

  @Get('me')
  @Authenticated()
  me(@CurrentUser() user: AuthUser): Promise<MeResponse> {
    return this.auth.me(user);
  }
}
