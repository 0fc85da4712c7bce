import { HttpException } from '@nestjs/common';
import { AppErrorCode, OPENAI_ERROR_TYPE } from './app-error-code';
import { AppException } from './app.exception';

export interface RenderedError {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Turns anything thrown into an AppException, without leaking internals of unknown errors. */
export function toAppException(error: unknown): AppException {
  if (error instanceof AppException) return error;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = status === 404 ? AppErrorCode.NotFound
      : status === 401 ? AppErrorCode.Unauthenticated
      : status === 403 ? AppErrorCode.Forbidden
      : status === 413 ? AppErrorCode.PayloadTooLarge
      : status === 429 ? AppErrorCode.RateLimited
      : status < 500 ? AppErrorCode.ValidationFailed
      : AppErrorCode.Internal;
    return new AppException(code, status < 500 ? error.message : 'internal error', { status });
  }
  const fastifyError = error as { statusCode?: number; code?: string; message?: string };
  if (fastifyError?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fastifyError?.statusCode === 413) {
    return new AppException(AppErrorCode.PayloadTooLarge, 'request body is too large');
  }
  if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // Fastify's own client errors (invalid JSON, wrong content type): safe to relay their message.
    return new AppException(AppErrorCode.ValidationFailed, fastifyError.message ?? 'bad request', {
      status: fastifyError.statusCode,
    });
  }
  return new AppException(AppErrorCode.Internal, 'internal error');
}

/** `/v1` speaks OpenAI's envelope so official SDKs raise the right exception; `/api` has the app shape. */
export function renderError(error: AppException, surface: 'openai' | 'app', requestId: string): RenderedError {
  const headers: Record<string, string> = {};
  if (error.options.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(Math.max(0, Math.ceil(error.options.retryAfterSeconds)));
  }
  if (surface === 'openai') {
    return {
      status: error.status,
      headers,
      body: {
        error: {
          message: error.message,
          type: error.options.openaiType ?? OPENAI_ERROR_TYPE[error.code],
          param: error.options.param ?? null,
          code: error.options.openaiCode !== undefined ? error.options.openaiCode : error.code,
        },
      },
    };
  }
  return {
    status: error.status,
    headers,
    body: { error: { code: error.code, message: error.message, param: error.options.param ?? undefined, requestId } },
  };
}

export function surfaceOf(url: string): 'openai' | 'app' {
  return url.startsWith('/v1/') || url === '/v1' ? 'openai' : 'app';
}
