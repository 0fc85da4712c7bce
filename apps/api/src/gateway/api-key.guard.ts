import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { type ApiKeyPrincipal, ApiKeyAuthService } from '../keys/api-key-auth.service';

export type GatewayRequest = FastifyRequest & { principal: ApiKeyPrincipal };

/** Every /v1 route: the caller is an API key, resolved from the cache without a database query. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly auth: ApiKeyAuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<GatewayRequest>();
    request.principal = await this.auth.authenticate(request.headers.authorization, request.ip);
    return true;
  }
}
