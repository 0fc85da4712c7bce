import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { ClientReply, ClientRequest } from '../http-exchange';
import { renderError, surfaceOf, toAppException } from './error-envelope';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendError(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception, this.logger);
  }
}

export function sendError(request: ClientRequest, reply: ClientReply, exception: unknown, logger: Logger): void {
  const error = toAppException(exception);
  if (error.status >= 500) {
    logger.error({ reqId: request.id, err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception }, 'request failed');
  }
  if (reply.sent || reply.raw.headersSent) return;
  const rendered = renderError(error, surfaceOf(request.url), String(request.id));
  void reply.status(rendered.status).headers(rendered.headers).send(rendered.body);
}
