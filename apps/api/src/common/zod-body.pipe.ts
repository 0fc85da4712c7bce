import type { PipeTransform } from '@nestjs/common';
import { zodErrorToOpenAIError } from '@ai-router/contracts';
import type { z } from 'zod';
import { AppErrorCode } from './errors/app-error-code';
import { AppException } from './errors/app.exception';

/** Validates a request body with a zod schema; the first issue becomes a 400 naming its param. */
export function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppException(AppErrorCode.ValidationFailed, 'The request body must be a JSON object.');
  }
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = zodErrorToOpenAIError(result.error);
  throw new AppException(AppErrorCode.ValidationFailed, error.message, { param: error.param, openaiCode: error.code });
}

/** parseBody as a Nest pipe. */
export class ZodBodyPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    return parseBody(this.schema, value);
  }
}
