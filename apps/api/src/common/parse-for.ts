import type { z } from 'zod';
import { zodErrorToOpenAIError } from '@ai-router/contracts';
import { AppErrorCode } from './errors/app-error-code';
import { AppException } from './errors/app.exception';

/**
 * Validates one part of a body against a schema chosen at run time (by a stored kind); the 400 names
 * `prefix.field`.
 */
export function parseFor<T extends z.ZodType>(schema: T, value: unknown, prefix: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = zodErrorToOpenAIError(result.error);
  const param = error.param ? `${prefix}.${error.param}` : prefix;
  throw new AppException(AppErrorCode.ValidationFailed, error.message.replace(`'${error.param}'`, `'${param}'`), { param });
}
