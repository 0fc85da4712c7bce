import { Body } from '@nestjs/common';
import { z } from 'zod';
import { ZodBodyPipe } from './zod-body.pipe';

/** JSON Schemas of validated bodies by handler, so the OpenAPI document shows what the pipe enforces. */
export const BODY_SCHEMAS = new Map<object, Map<string | symbol, z.ZodType>>();

/**
 * The body, validated by a zod schema (400 naming the param otherwise); the schema is also recorded
 * for the OpenAPI document, so docs and validation cannot drift apart.
 */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  const body = Body(new ZodBodyPipe(schema));
  return (target, propertyKey, index) => {
    if (propertyKey !== undefined) {
      const byMethod = BODY_SCHEMAS.get(target.constructor) ?? new Map<string | symbol, z.ZodType>();
      byMethod.set(propertyKey, schema);
      BODY_SCHEMAS.set(target.constructor, byMethod);
    }
    body(target, propertyKey, index);
  };
}
