import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { DOCUMENTED_ROUTES } from './openapi-routes';
import { BODY_SCHEMAS } from './zod-body.decorator';

/**
 * The OpenAPI document at /docs (UI) and /docs/json. Request bodies come from the same zod schemas
 * that validate them, so the document cannot drift from what the API accepts.
 */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('AI Router')
    .setDescription('Admin API (/api, JWT bearer from /api/auth/login) and the OpenAI-compatible gateway (/v1, API key bearer).')
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path)) {
      const [controller, method] = String((operation as { operationId?: string }).operationId ?? '').split('_');
      const schema = [...BODY_SCHEMAS.entries()].find(([cls]) => (cls as { name: string }).name === controller)?.[1].get(method!);
      if (!schema) continue;
      (operation as { requestBody?: unknown }).requestBody = {
        required: true,
        content: { 'application/json': { schema: jsonSchemaOf(schema) } },
      };
    }
  }
  for (const route of DOCUMENTED_ROUTES) {
    document.paths[route.path] = {
      ...document.paths[route.path],
      [route.method]: {
        summary: route.summary, security: [{ bearer: [] }], responses: { 200: { description: 'OpenAI-compatible response' } },
        requestBody: { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.schema) } } },
      },
    };
  }
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  return document;
}

function jsonSchemaOf(schema: z.ZodType): object {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}
