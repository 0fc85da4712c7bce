import type { z } from 'zod';

export interface DocumentedRoute {
  method: 'post';
  path: string;
  schema: z.ZodType;
  summary: string;
}

/** Routes served outside Nest's controllers (hot paths), which Swagger's scan cannot see. */
export const DOCUMENTED_ROUTES: DocumentedRoute[] = [];

export function documentRoute(method: 'post', path: string, schema: z.ZodType, summary: string): void {
  DOCUMENTED_ROUTES.push({ method, path, schema, summary });
}
