import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { concatMap, type Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';
import { LOGGER } from '../common/logger.module';
import { AuditService } from './audit.service';

const NOT_AUDITED = 'notAudited';

/** For POST routes that change nothing (dry runs): they stay out of the audit log. */
export const NotAudited = () => SetMetadata(NOT_AUDITED, true);

/** Records every successful admin mutation (who, org, what, target, from where) after it happened. */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditService, private readonly reflector: Reflector, @Inject(LOGGER) private readonly logger: Logger) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser; params: Record<string, string> }>();
    if (request.method === 'GET' || !request.url.startsWith('/api/') || this.reflector.get<boolean>(NOT_AUDITED, context.getHandler())) {
      return next.handle();
    }
    // Awaited before the response goes out: whoever reads the log right after sees the entry.
    return next.handle().pipe(
      concatMap(async (result) => {
        const user = request.user;
        if (!user) return result;
        const reply = context.switchToHttp().getResponse<FastifyReply>();
        const resultId = (result as { id?: unknown } | undefined)?.id;
        const { orgId, id, userId, keyId, deploymentId } = request.params ?? {};
        const isOrgCreate = request.routeOptions.url === '/api/orgs';
        await this.audit.record({
          orgId: orgId ?? (isOrgCreate && typeof resultId === 'string' ? resultId : null),
          actorId: user.id, actorEmail: user.email,
          action: `${request.method} ${request.routeOptions.url}`,
          targetId: keyId ?? deploymentId ?? id ?? userId ?? (typeof resultId === 'string' ? resultId : null),
          ip: request.ip ?? null, status: reply.statusCode, details: request.isMultipart() ? {} : request.body,
        }).catch((err: Error) => this.logger.error({ reqId: request.id, err: err.message }, 'audit record failed'));
        return result;
      }),
    );
  }
}
